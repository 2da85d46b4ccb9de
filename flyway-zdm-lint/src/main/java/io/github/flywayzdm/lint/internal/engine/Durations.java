package io.github.flywayzdm.lint.internal.engine;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL time settings ({@code lock_timeout = '5s'}) in milliseconds; a bare number means milliseconds. */
public final class Durations {

    private static final Pattern VALUE = Pattern.compile("\\s*'?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|min|h|d)?\\s*'?\\s*");

    private Durations() {
    }

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
}
