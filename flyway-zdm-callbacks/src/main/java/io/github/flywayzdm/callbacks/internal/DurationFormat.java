package io.github.flywayzdm.callbacks.internal;

import java.time.Duration;

/**
 * Durations written back as PostgreSQL prints them. They are read by the linter's {@link io.github.flywayzdm.lint.Durations},
 * the one duration grammar, so a setting and a {@code zdm:} directive accept exactly what SET lock_timeout accepts.
 */
public final class DurationFormat {

    private DurationFormat() {
    }

    /** The value for set_config: whole milliseconds, which PostgreSQL accepts for both timeouts. */
    public static String toSetting(Duration d) {
        return d.toMillis() + "ms";
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0"; // PostgreSQL's own spelling of "no timeout", as SHOW lock_timeout prints it
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
