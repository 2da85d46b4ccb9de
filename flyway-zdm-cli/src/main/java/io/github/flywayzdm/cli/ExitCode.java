package io.github.flywayzdm.cli;

/** The documented exit codes. */
final class ExitCode {
    /** no finding at or above the threshold */
    static final int CLEAN = 0;
    /** findings at or above the threshold */
    static final int FINDINGS = 1;
    /** bad usage, bad input or a tool error; one line on stderr says which */
    static final int ERROR = 2;

    private ExitCode() {
    }
}
