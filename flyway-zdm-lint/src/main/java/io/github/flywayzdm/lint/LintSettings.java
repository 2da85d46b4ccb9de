package io.github.flywayzdm.lint;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one configuration vocabulary of every front end: the CLI's {@code --config} file, the Maven plugin's
 * {@code configFile} and its parameters all go through {@link #apply(LintConfig.Builder, String, String)}.
 *
 * <pre>
 * # zdm.properties
 * pg-version = 16
 * fail-on = warning                  # error | warning | info | never
 * rule.require-concurrent-index = off  # error | warning | info | off
 * exclude = V1__baseline.sql, legacy/**
 * placeholder.schema = app
 * baseline-version = 5
 * lock-timeout-by-runner = true
 * unparsed = error
 * </pre>
 */
public final class LintSettings {

    /** Keys accepted in a settings file (plus the {@code rule.} and {@code placeholder.} prefixes). */
    public static final List<String> KEYS = List.of("pg-version", "fail-on", "exclude", "baseline-version",
            "lock-timeout-by-runner", "statement-timeout-by-runner", "flyway-mixed", "unparsed", "placeholder-prefix", "placeholder-suffix");

    private LintSettings() {
    }

    /** Reads a settings file into {@code builder}; every problem is a {@link LintException} naming file:line. */
    public static LintConfig.Builder load(Path file, LintConfig.Builder builder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LintException(file + ": no such configuration file", e);
        } catch (MalformedInputException e) {
            throw new LintException(file + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new LintException(file + ": cannot read: " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = separator(line);
            if (sep < 0) {
                throw new LintException(file + ":" + (i + 1) + ": expected 'key = value', got '" + line + "'");
            }
            String value = stripComment(line.substring(sep + 1)).strip();
            try {
                apply(builder, line.substring(0, sep).strip(), value);
            } catch (IllegalArgumentException e) {
                throw new LintException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return builder;
    }

    /** Applies every entry of {@code settings} (e.g. from Maven parameters) in order. */
    public static LintConfig.Builder apply(LintConfig.Builder builder, Map<String, String> settings) {
        settings.forEach((key, value) -> apply(builder, key, value));
        return builder;
    }

    /** @throws IllegalArgumentException with a one-line message for an unknown key or a bad value */
    public static LintConfig.Builder apply(LintConfig.Builder builder, String key, String value) {
        String k = key.strip();
        if (k.startsWith("rule.")) {
            return ruleSeverity(builder, k.substring("rule.".length()), value);
        }
        if (k.startsWith("placeholder.")) {
            return builder.placeholders(Map.of(k.substring("placeholder.".length()), value));
        }
        return switch (k) {
            case "pg-version" -> builder.pgMajor(pgMajor(value));
            case "fail-on" -> "never".equalsIgnoreCase(value.strip()) ? builder.failNever() : builder.failOn(Severity.parse(value));
            case "exclude" -> {
                for (String glob : value.split(",")) {
                    if (!glob.isBlank()) {
                        builder.exclude(glob.strip());
                    }
                }
                yield builder;
            }
            case "baseline-version" -> builder.baselineVersion(value.strip());
            case "lock-timeout-by-runner" -> builder.lockTimeoutByRunner(bool(k, value));
            case "statement-timeout-by-runner" -> builder.statementTimeoutByRunner(bool(k, value));
            case "flyway-mixed" -> builder.flywayMixed(bool(k, value));
            case "unparsed" -> builder.unparsedSeverity(Severity.parse(value));
            case "placeholder-prefix" -> builder.placeholderDelimiters(value, builder.build().placeholderSuffix());
            case "placeholder-suffix" -> builder.placeholderDelimiters(builder.build().placeholderPrefix(), value);
            default -> throw new IllegalArgumentException("unknown setting '" + k + "' (known: " + String.join(", ", KEYS)
                    + ", rule.<id>, placeholder.<name>)");
        };
    }

    /** Parses "16", "16.4" or "PostgreSQL 16" style majors. */
    public static int pgMajor(String value) {
        String digits = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^(postgresql|pg)\\s*", "");
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pg-version must be a PostgreSQL major version " + LintConfig.OLDEST_PG_MAJOR + ".."
                    + LintConfig.NEWEST_PG_MAJOR + ", got '" + value + "'");
        }
    }

    private static LintConfig.Builder ruleSeverity(LintConfig.Builder builder, String ruleId, String value) {
        if (Linter.rule(ruleId).isEmpty()) {
            throw new IllegalArgumentException("unknown rule '" + ruleId + "' (zdm lint --list-rules shows them)");
        }
        return "off".equalsIgnoreCase(value.strip()) ? builder.disable(ruleId) : builder.severity(ruleId, Severity.parse(value));
    }

    private static boolean bool(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return hash < 0 ? value : value.substring(0, hash);
    }
}
