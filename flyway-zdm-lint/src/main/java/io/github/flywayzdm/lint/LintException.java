package io.github.flywayzdm.lint;

/** The input could not be read (missing path, unreadable file, invalid UTF-8, bad configuration): a tool error, not a finding. */
public class LintException extends RuntimeException {

    public LintException(String message) {
        super(message);
    }

    public LintException(String message, Throwable cause) {
        super(message, cause);
    }
}
