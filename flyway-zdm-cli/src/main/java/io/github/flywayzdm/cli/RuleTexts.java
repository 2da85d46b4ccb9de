package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.RuleInfo;

import java.util.List;
import java.util.Locale;

/** Plain-text renderings of the rule catalogue for --list-rules and --explain. */
final class RuleTexts {

    private RuleTexts() {
    }

    static String list(List<RuleInfo> rules) {
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        StringBuilder b = new StringBuilder();
        for (RuleInfo r : rules) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %s%n", r.id(), lower(r), r.summary()));
        }
        return b.append(rules.size()).append(" rules; zdm lint --explain RULE tells more.").append(System.lineSeparator()).toString();
    }

    static String explain(RuleInfo r) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        b.append(r.id()).append(" (").append(lower(r)).append(", ").append(r.category().name().toLowerCase(Locale.ROOT)).append(')').append(nl)
                .append(nl).append(r.summary()).append(nl)
                .append(nl).append("Why:").append(nl).append(indent(r.why())).append(nl)
                .append(nl).append("Safe alternative:").append(nl).append(indent(r.safeAlternative())).append(nl);
        if (!r.versions().isBlank()) {
            b.append(nl).append("PostgreSQL versions:").append(nl).append(indent(r.versions())).append(nl);
        }
        return b.append(nl).append("Suppress one statement with a comment above it:  -- zdm:ignore ").append(r.id())
                .append(": <why it is safe here>").append(nl).toString();
    }

    private static String lower(RuleInfo r) {
        return r.defaultSeverity().name().toLowerCase(Locale.ROOT);
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
