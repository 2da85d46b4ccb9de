package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.Suppression;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.split.SplitResult;
import io.github.flywayzdm.lint.internal.split.SqlComment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the script's zdm:ignore comments to its findings (suppressed findings are kept, marked) and reports
 * suppressions without reason, with unknown rule ids, or that suppressed nothing.
 */
final class Suppressions {

    private final LintConfig config;
    private final String path;
    private final List<SuppressionDirective> fileWide = new ArrayList<>();
    /** statement position (line and column: two statements may share a line) → the directives in its leading comments */
    private final Map<Long, List<SuppressionDirective>> byStatement = new java.util.HashMap<>();
    private final List<SuppressionDirective> all = new ArrayList<>();

    Suppressions(LintConfig config, String path, SplitResult split, List<AnalyzedStatement> statements) {
        this.config = config;
        this.path = path;
        Set<SqlComment> leading = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (AnalyzedStatement s : statements) {
            for (SqlComment c : s.source().leadingComments()) {
                leading.add(c);
                for (SuppressionDirective d : SuppressionDirective.parse(c)) {
                    all.add(d);
                    (d.fileWide() ? fileWide : byStatement.computeIfAbsent(position(s.source().line(), s.source().column()), k -> new ArrayList<>())).add(d);
                }
            }
        }
        for (SqlComment c : split.comments()) {
            if (!leading.contains(c)) {
                for (SuppressionDirective d : SuppressionDirective.parse(c)) {
                    all.add(d);
                    if (d.fileWide()) {
                        fileWide.add(d); // anywhere in the file
                    }
                    // a statement-level directive not directly before a statement suppresses nothing: reported unused
                }
            }
        }
    }

    List<Finding> apply(List<Finding> findings) {
        Set<SuppressionDirective> used = new HashSet<>();
        List<Finding> out = new ArrayList<>(findings.size() + all.size());
        for (Finding f : findings) {
            SuppressionDirective by = match(f);
            if (by != null) {
                used.add(by);
                out.add(f.suppressedBy(new Suppression(by.line(), by.fileWide(), by.reason())));
            } else {
                out.add(f);
            }
        }
        all.sort(new Comparator<SuppressionDirective>() { // a class: Comparator.comparingInt's proxy is spun per CLI call
            @Override
            public int compare(SuppressionDirective a, SuppressionDirective b) {
                return Integer.compare(a.line(), b.line());
            }
        });
        for (SuppressionDirective d : all) {
            out.addAll(problems(d, used.contains(d)));
        }
        return out;
    }

    private SuppressionDirective match(Finding f) {
        if (!f.ruleId().equals("suppression-without-reason") && !f.ruleId().equals("suppression-unknown-rule")) {
            for (SuppressionDirective d : byStatement.getOrDefault(position(f.line(), f.column()), List.of())) {
                if (d.covers(f.ruleId()) && !d.reason().isEmpty()) {
                    return d;
                }
            }
            for (SuppressionDirective d : fileWide) {
                if (d.covers(f.ruleId()) && !d.reason().isEmpty()) {
                    return d;
                }
            }
        }
        return null;
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private List<Finding> problems(SuppressionDirective d, boolean used) {
        List<Finding> out = new ArrayList<>();
        if (d.reason().isEmpty()) {
            out.add(tool("suppression-without-reason", d, "Suppression of " + String.join(", ", d.ruleIds())
                    + " gives no reason: write one after a colon, e.g. -- zdm:ignore " + first(d) + ": why it is safe here"));
        }
        for (String id : d.ruleIds()) {
            if (RuleCatalogue.info(id).isEmpty()) {
                out.add(tool("suppression-unknown-rule", d, "Suppression names unknown rule '" + id + "'"
                        + RuleIds.closest(id).map(c -> " (did you mean '" + c + "'?)").orElse("")));
            }
        }
        if (d.ruleIds().isEmpty()) {
            out.add(tool("suppression-unknown-rule", d, "Suppression names no rule: write -- zdm:ignore <rule-id>: <reason>"));
        } else if (!used && !d.reason().isEmpty() && d.ruleIds().stream().allMatch(id -> RuleCatalogue.info(id).isPresent())) {
            out.add(tool("unused-suppression", d, "Suppression of " + String.join(", ", d.ruleIds())
                    + " suppressed nothing" + (d.fileWide() ? " in this file" : " on the next statement")));
        }
        out.removeIf(java.util.Objects::isNull); // a disabled tool rule reports nothing
        return out;
    }

    private static String first(SuppressionDirective d) {
        return d.ruleIds().isEmpty() ? "<rule-id>" : d.ruleIds().iterator().next();
    }

    private Finding tool(String ruleId, SuppressionDirective d, String message) {
        RuleInfo info = RuleCatalogue.info(ruleId).orElseThrow();
        Severity severity = config.severityOf(info).orElse(null);
        if (severity == null) {
            return null;
        }
        return new Finding(ruleId, severity, path, d.line(), d.column(), "", message, info.why(), info.safeAlternative(), null);
    }
}
