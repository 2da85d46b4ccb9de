package io.github.flywayzdm.lint.report;

import java.util.Locale;

/** The output formats every front end offers. */
public enum ReportFormat {
    /** compiler style for terminals and IDEs: {@code path:line:col: error[rule-id] message} */
    TEXT,
    /** flyway-zdm's own JSON (documented in the lint README) */
    JSON,
    /** SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs) */
    SARIF,
    /** JUnit XML: one test case per linted file, one failure per finding */
    JUNIT,
    /** GitHub Actions workflow commands ({@code ::error file=...}) */
    GITHUB,
    /** GitLab Code Quality report */
    GITLAB;

    public static ReportFormat parse(String raw) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown report format '" + raw + "': use text, json, sarif, junit, github or gitlab");
        }
    }

    /** The usual file name for this format. */
    public String fileName() {
        return switch (this) {
            case TEXT -> "zdm-lint.txt";
            case JSON -> "zdm-lint.json";
            case SARIF -> "zdm-lint.sarif";
            case JUNIT -> "TEST-zdm-lint.xml";
            case GITHUB -> "zdm-lint.github.txt";
            case GITLAB -> "gl-code-quality-report.json";
        };
    }
}
