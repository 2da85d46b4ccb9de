package io.github.flywayzdm.lint;

/** How serious a finding is. Ordered: {@code INFO < WARNING < ERROR}. */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses "error", "warning"/"warn", "info" in any case. */
    public static Severity parse(String raw) {
        String s = raw == null ? "" : raw.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info" -> INFO;
            default -> throw new IllegalArgumentException("Unknown severity '" + raw + "': use error, warning or info");
        };
    }
}
