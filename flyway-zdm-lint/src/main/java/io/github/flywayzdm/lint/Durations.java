package io.github.flywayzdm.lint;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar, PostgreSQL's for time settings ({@code SET lock_timeout = '1.5s'}): a number, a fraction
 * allowed, then {@code us}, {@code ms}, {@code s}, {@code min}, {@code h} or {@code d}; a bare number means
 * milliseconds. The linter reads SET values and {@code zdm:} directives with it, the guard its configured timeouts.
 */
public final class Durations {

    /** PostgreSQL's timeouts are int milliseconds: about 24 days at most. */
    public static final long MAX_MILLIS = Integer.MAX_VALUE;

    private static final Pattern VALUE = Pattern.compile("\\s*'?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|min|h|d)?\\s*'?\\s*");

    private Durations() {
    }

    /** The value in whole milliseconds (rounded up, as PostgreSQL does), or empty when it is not a duration. */
    public static OptionalLong millis(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        Matcher m = VALUE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double ms = switch (unit) {
            case "us" -> n / 1000;
            case "s" -> n * 1000;
            case "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            case "d" -> n * 86_400_000;
            default -> n;
        };
        return OptionalLong.of((long) Math.ceil(ms));
    }

    /**
     * A timeout setting's value.
     *
     * @throws IllegalArgumentException in words when it is not a duration or longer than PostgreSQL allows
     */
    public static Duration parse(String value) {
        OptionalLong ms = millis(value);
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("expected a duration like 300ms, 1.5s, 2min or 1h, got '" + value + "'");
        }
        if (ms.getAsLong() > MAX_MILLIS) {
            throw new IllegalArgumentException("duration '" + value + "' is too long: PostgreSQL allows at most "
                    + MAX_MILLIS + "ms (about 24 days); use 0 for no timeout");
        }
        return Duration.ofMillis(ms.getAsLong());
    }
}
