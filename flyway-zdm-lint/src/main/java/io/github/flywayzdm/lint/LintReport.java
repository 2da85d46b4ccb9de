package io.github.flywayzdm.lint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of one lint run.
 *
 * @param findings   every finding, suppressed ones included, ordered by file then position
 * @param files      how many scripts were linted (replayed-only scripts not counted)
 * @param statements how many statements were analyzed in the linted scripts
 * @param unparsed   how many of them neither the parser nor the keyword fallback understood
 * @param failOn     the threshold in force (empty: never fail)
 * @param elapsed    wall time of the run
 */
public record LintReport(List<Finding> findings, int files, int statements, int unparsed,
                         Optional<Severity> failOn, Duration elapsed) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Unsuppressed findings at or above the threshold. */
    public List<Finding> failures() {
        return failOn.map(t -> findings.stream().filter(f -> !f.suppressed() && f.severity().atLeast(t)).toList())
                .orElse(List.of());
    }

    public boolean failed() {
        return !failures().isEmpty();
    }

    /** Findings not suppressed. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public long count(Severity severity) {
        return active().stream().filter(f -> f.severity() == severity).count();
    }

    /** One line: "12 files, 340 statements: 2 errors, 1 warning, 0 info (1 suppressed) in 85 ms". */
    public String summary() {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        long infos = count(Severity.INFO);
        long suppressed = findings.size() - active().size();
        return files + (files == 1 ? " file, " : " files, ") + statements + (statements == 1 ? " statement: " : " statements: ")
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + infos + " info" + (suppressed > 0 ? " (" + suppressed + " suppressed)" : "")
                + " in " + elapsed.toMillis() + " ms";
    }
}
