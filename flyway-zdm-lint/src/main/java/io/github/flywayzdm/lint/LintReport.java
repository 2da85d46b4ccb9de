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

    /**
     * What to fix first, for a run with findings: the three rules with the most findings of the highest severity
     * present, and the file holding the most findings; e.g. "fix first: create-index-non-concurrent (4 errors),
     * add-column-required (1 error); most findings in V7__orders.sql (6)". Empty when nothing is found.
     */
    public Optional<String> fixFirst() {
        List<Finding> active = active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Severity top = active.stream().map(Finding::severity).max(java.util.Comparator.comparingInt(Enum::ordinal)).orElseThrow();
        java.util.Map<String, Long> byRule = active.stream().filter(f -> f.severity() == top)
                .collect(java.util.stream.Collectors.groupingBy(Finding::ruleId, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        String noun = top.name().toLowerCase(java.util.Locale.ROOT);
        String rules = byRule.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " (" + e.getValue() + " " + noun + (e.getValue() == 1 || top == Severity.INFO ? "" : "s") + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        java.util.Map.Entry<String, Long> busiest = active.stream()
                .collect(java.util.stream.Collectors.groupingBy(Finding::file, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
        return Optional.of("fix first: " + rules + "; most findings in " + busiest.getKey() + " (" + busiest.getValue() + ")");
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
