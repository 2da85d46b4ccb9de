package io.github.flywayzdm.lint;

import io.github.flywayzdm.lint.internal.split.Placeholders;

import java.util.Map;

/**
 * Flyway's placeholder substitution as the engine reads it, for a front end that knows a Flyway run's real values
 * (configured placeholders and built-ins) and hands the linter the text Flyway executes. The same reading as the
 * linter's own (substituted before splitting, one scan of the text); names match ignoring case, as Flyway's
 * configuration keys do, and a placeholder without a value is left as written, for Flyway to refuse.
 */
public final class FlywayPlaceholders {

    private final Placeholders placeholders;

    private FlywayPlaceholders(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** @throws IllegalArgumentException when the prefix or the suffix is empty */
    public static FlywayPlaceholders of(Map<String, String> values, String prefix, String suffix) {
        return new FlywayPlaceholders(Placeholders.ofFlywayRun(values, prefix, suffix));
    }

    /** The text with every placeholder that has a value substituted (byte-order marks are kept: the linter drops them). */
    public String apply(String script) {
        return placeholders.apply(script);
    }
}
