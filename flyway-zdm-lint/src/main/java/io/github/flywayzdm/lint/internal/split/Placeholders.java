package io.github.flywayzdm.lint.internal.split;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flyway-style placeholder substitution ({@code ${name}} by default). A placeholder without a value becomes a harmless
 * identifier ({@code zdm_placeholder_<name>}) so the statement still parses; Flyway's built-ins
 * ({@code ${flyway:defaultSchema}} ...) get plausible stand-ins.
 */
public final class Placeholders {

    private static final Map<String, String> BUILT_INS = Map.of(
            "flyway:defaultSchema", "public",
            "flyway:user", "flyway",
            "flyway:database", "postgres",
            "flyway:timestamp", "2000-01-01 00:00:00",
            "flyway:filename", "migration.sql",
            "flyway:workingDirectory", "/",
            "flyway:table", "flyway_schema_history");

    private final Map<String, String> values;
    private final String prefix;
    private final String suffix;
    /** Flyway's own run: names compared ignoring case, no stand-ins, an unknown placeholder left as written. */
    private final boolean asFlyway;

    private Placeholders(Map<String, String> values, String prefix, String suffix, boolean asFlyway) {
        this.asFlyway = asFlyway;
        if (asFlyway) {
            Map<String, String> lower = new java.util.HashMap<>();
            values.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
            this.values = Map.copyOf(lower);
        } else {
            this.values = Map.copyOf(values);
        }
        this.prefix = Objects.requireNonNull(prefix);
        this.suffix = Objects.requireNonNull(suffix);
        if (prefix.isEmpty() || suffix.isEmpty()) {
            throw new IllegalArgumentException("placeholder prefix and suffix must not be empty");
        }
    }

    public static Placeholders of(Map<String, String> values) {
        return of(values, "${", "}");
    }

    public static Placeholders of(Map<String, String> values, String prefix, String suffix) {
        return new Placeholders(values, prefix, suffix, false);
    }

    /**
     * The values a Flyway run really has (configured plus built-ins): a name is matched ignoring case as Flyway's
     * configuration keys are, and a placeholder without a value is left as written (Flyway refuses it itself).
     */
    public static Placeholders ofFlywayRun(Map<String, String> values, String prefix, String suffix) {
        return new Placeholders(values, prefix, suffix, true);
    }

    public String apply(String sql) {
        int at = sql.indexOf(prefix);
        if (at < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int from = 0;
        while (at >= 0) {
            int close = sql.indexOf(suffix, at + prefix.length());
            if (close < 0) {
                break;
            }
            String name = sql.substring(at + prefix.length(), close);
            out.append(sql, from, at).append(valueOf(name));
            from = close + suffix.length();
            at = sql.indexOf(prefix, from);
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /** True when the prefix occurs in {@code text} at all (the fast path skips substitution otherwise). */
    boolean occursIn(String text) {
        return text.contains(prefix);
    }

    /** When a placeholder starts at {@code at}: its length (prefix to suffix) in an array of one; else null. */
    int[] at(String text, int at) {
        if (!text.startsWith(prefix, at)) {
            return null;
        }
        int close = text.indexOf(suffix, at + prefix.length());
        return close < 0 ? null : new int[] {close + suffix.length() - at};
    }

    /** The value substituted for the placeholder of {@code length} characters at {@code at}. */
    String valueAt(String text, int at, int length) {
        return valueOf(text.substring(at + prefix.length(), at + length - suffix.length()));
    }

    /** Placeholder names used in {@code sql} that have no value (built-ins excluded). */
    public Set<String> unresolved(String sql) {
        Set<String> names = new LinkedHashSet<>();
        int at = sql.indexOf(prefix);
        while (at >= 0) {
            int close = sql.indexOf(suffix, at + prefix.length());
            if (close < 0) {
                break;
            }
            String name = sql.substring(at + prefix.length(), close);
            if (!values.containsKey(name) && !BUILT_INS.containsKey(name)) {
                names.add(name);
            }
            at = sql.indexOf(prefix, close + suffix.length());
        }
        return names;
    }

    private String valueOf(String name) {
        if (asFlyway) {
            String value = values.get(name.toLowerCase(java.util.Locale.ROOT));
            return value != null ? value : prefix + name + suffix;
        }
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        String builtIn = BUILT_INS.get(name);
        return builtIn != null ? builtIn : "zdm_placeholder_" + name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
    }
}
