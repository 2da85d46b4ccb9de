package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.LintException;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command may touch of the outside world; tests pass their own. {@code out} is {@code stdout} as text
 * (UTF-8); a report goes to {@code stdout} as bytes ({@link #write}).
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive, PrintStream stdout) {

    /**
     * A report to standard output as UTF-8 bytes in one write (after the text printed before it), not through the
     * writer's per-call encoding; a failed write (closed stdout, full disk) is an error, never a silently lost report.
     */
    void write(String report) {
        write(report.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] report) {
        out.flush();
        stdout.write(report, 0, report.length);
        checkWritten();
    }

    /** PrintStream keeps its write errors to itself: ask it. */
    void checkWritten() {
        out.flush();
        if (stdout.checkError()) {
            throw new LintException("cannot write the report to standard output (closed, or a full disk?)");
        }
    }

    boolean githubActions() {
        return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    }

    /** Colour on a terminal only, never when NO_COLOR is set (https://no-color.org). */
    boolean colour(ColourMode mode) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> interactive && env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
        };
    }

    enum ColourMode { AUTO, ALWAYS, NEVER }
}
