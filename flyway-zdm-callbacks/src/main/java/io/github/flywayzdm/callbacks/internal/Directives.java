package io.github.flywayzdm.callbacks.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-migration overrides written as comments in the script: {@code -- zdm:lock_timeout=10s},
 * {@code -- zdm:statement_timeout=5min} ({@code 0} switches the guard off for that migration).
 */
public record Directives(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout) {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "(?im)(?:--|/\\*)\\s*zdm:(lock_timeout|statement_timeout)\\s*=\\s*'?([0-9]+\\s*[a-z]*)'?");

    public static final Directives NONE = new Directives(Optional.empty(), Optional.empty());

    /** @throws IllegalArgumentException naming the line when a value is not a duration */
    public static Directives parse(String sql) {
        Optional<Duration> lock = Optional.empty();
        Optional<Duration> statement = Optional.empty();
        Matcher m = DIRECTIVE.matcher(sql);
        while (m.find()) {
            Duration value;
            try {
                value = DurationText.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                int line = 1 + (int) sql.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                throw new IllegalArgumentException("line " + line + ": zdm:" + m.group(1) + " " + e.getMessage(), e);
            }
            if (m.group(1).equalsIgnoreCase("lock_timeout")) {
                lock = Optional.of(value);
            } else {
                statement = Optional.of(value);
            }
        }
        return new Directives(lock, statement);
    }
}
