package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.UrlMask;

/**
 * flyway-zdm refused to run a migration (lint findings, or a preflight problem such as a migration that would hang).
 * <p>
 * Flyway wraps it in a {@code FlywayException} whose message repeats this one in full, and its command line then
 * prints every cause: {@link #toString()} is therefore one short line, so the refusal is printed once. Not a
 * {@code FlywayException} itself, because the command line prints those by message.
 */
public class ZdmVetoException extends RuntimeException {

    public ZdmVetoException(String message) {
        super(ControlChars.escape(UrlMask.mask(message))); // Flyway prints it as is: no password, no terminal escapes
    }

    @Override
    public String toString() {
        String first = getMessage().lines().findFirst().orElse("");
        int colon = first.indexOf(": ");
        return getClass().getSimpleName() + ": " + (colon > 0 ? first.substring(0, colon) : first) + " (details above)";
    }
}
