package io.github.flywayzdm.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        List<Finding> active = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!f.suppressed()) {
                active.add(f);
            }
        }
        return Collections.unmodifiableList(active);
    }

    public long count(Severity severity) {
        long n = 0;
        for (Finding f : findings) {
            if (!f.suppressed() && f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /**
     * What to fix first, for a run with findings: the three rules with the most findings of the highest severity
     * present, and the file holding the most findings; e.g. "fix first: create-index-non-concurrent (4 errors),
     * add-column-required (1 error); most findings in V7__orders.sql (6)". Empty when nothing is found.
     */
    public Optional<String> fixFirst() {
        // plain loops: this runs once per CLI call, where each stream pipeline's first use costs its linkage
        Severity top = null;
        Map<String, Long> byFile = new TreeMap<>();
        for (Finding f : findings) {
            if (!f.suppressed()) {
                top = top == null || f.severity().ordinal() > top.ordinal() ? f.severity() : top;
                byFile.merge(f.file(), 1L, Long::sum);
            }
        }
        if (top == null) {
            return Optional.empty();
        }
        Map<String, Long> byRule = new TreeMap<>();
        for (Finding f : findings) {
            if (!f.suppressed() && f.severity() == top) {
                byRule.merge(f.ruleId(), 1L, Long::sum);
            }
        }
        // most findings first; a stable sort keeps equal counts in rule-id order
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(byRule.entrySet());
        ranked.sort(new java.util.Comparator<Map.Entry<String, Long>>() { // a class: no lambda proxy to spin in a CLI call
            @Override
            public int compare(Map.Entry<String, Long> a, Map.Entry<String, Long> b) {
                return b.getValue().compareTo(a.getValue());
            }
        });
        String noun = top.name().toLowerCase(Locale.ROOT);
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < Math.min(3, ranked.size()); i++) {
            Map.Entry<String, Long> e = ranked.get(i);
            rules.append(i == 0 ? "" : ", ").append(e.getKey()).append(" (").append(e.getValue()).append(' ').append(noun)
                    .append(e.getValue() == 1 || top == Severity.INFO ? "" : "s").append(')');
        }
        Map.Entry<String, Long> busiest = null; // the first file (in name order) of the highest count
        for (Map.Entry<String, Long> e : byFile.entrySet()) {
            if (busiest == null || e.getValue() > busiest.getValue()) {
                busiest = e;
            }
        }
        return Optional.of("fix first: " + rules + "; most findings in " + busiest.getKey() + " (" + busiest.getValue() + ")");
    }

    /** One line: "12 files, 340 statements: 2 errors, 1 warning, 0 info (1 suppressed) in 85 ms". */
    public String summary() {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        long infos = count(Severity.INFO);
        long suppressed = findings.size() - errors - warnings - infos;
        return files + (files == 1 ? " file, " : " files, ") + statements + (statements == 1 ? " statement: " : " statements: ")
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + infos + " info" + (suppressed > 0 ? " (" + suppressed + " suppressed)" : "")
                + " in " + elapsed.toMillis() + " ms";
    }
}
