package io.github.flywayzdm.callbacks.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL-style durations: "300ms", "3s", "2min", "1h", "0"; a bare number means milliseconds, as in SET lock_timeout. */
public final class DurationText {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|sec|min|m|h)?");

    private DurationText() {
    }

    public static Duration parse(String raw) {
        String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replace("'", "");
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 300ms, 3s, 2min or 1h, got '" + raw + "'");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s", "sec" -> Duration.ofSeconds(n);
                case "min", "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.toMillis() > Integer.MAX_VALUE) {
                throw new ArithmeticException();
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            // PostgreSQL's timeouts are int milliseconds: about 24 days at most
            throw new IllegalArgumentException("duration '" + raw + "' is too long: PostgreSQL allows at most "
                    + Integer.MAX_VALUE + "ms (about 24 days); use 0 for no timeout");
        }
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
