package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.internal.engine.RuleCatalogue;
import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.RuleInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Generates docs/rules.md from the rule classes. Run {@code main} (or the failing RuleCatalogueTest tells you how)
 * after changing a rule's text.
 */
public final class RuleReference {

    private RuleReference() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "../docs/rules.md");
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath().normalize());
    }

    static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Rule reference\n\n")
                .append("Generated from the rule classes of `flyway-zdm-lint` by `RuleReference` (do not edit by hand). ")
                .append("Every rule can be raised, lowered or disabled in the configuration, and suppressed for one statement ")
                .append("or a whole file with a reason:\n\n")
                .append("```sql\n-- zdm:ignore create-index-non-concurrent: lookup table of 40 rows\n")
                .append("-- zdm:ignore-file drop-column: release 42 stopped using these columns\n```\n\n")
                .append("Lock rules never fire for a table created earlier in the same migration. Verdicts follow the target ")
                .append("PostgreSQL version (10-18, default 17; 10-12 are judged from the release notes, the real-server proofs run 13-18).\n\n");
        List<RuleInfo> rules = Linter.rules();
        b.append("| rule | severity | category | what it flags |\n|---|---|---|---|\n");
        for (RuleInfo r : rules) {
            b.append("| [`").append(r.id()).append("`](#").append(r.id()).append(") | ").append(lower(r.defaultSeverity().name()))
                    .append(" | ").append(lower(r.category().name())).append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        }
        for (Category category : Category.values()) {
            b.append("\n## ").append(title(category)).append("\n");
            for (RuleInfo r : rules) {
                if (r.category() != category) {
                    continue;
                }
                b.append("\n### ").append(r.id()).append("\n\n")
                        .append("**").append(r.summary()).append("** — default severity: ").append(lower(r.defaultSeverity().name()))
                        .append("\n\n").append("*Why:* ").append(r.why()).append("\n\n")
                        .append("*Safe alternative:*\n\n```sql\n").append(r.safeAlternative()).append("\n```\n");
                if (!r.versions().isEmpty()) {
                    b.append("\n*Versions:* ").append(r.versions()).append("\n");
                }
            }
        }
        return b.toString();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String title(Category c) {
        return switch (c) {
            case LOCKING -> "Locking: rewrites, scans and blocking locks";
            case COMPATIBILITY -> "Compatibility with running code (expand/contract)";
            case TRANSACTION -> "Transactions";
            case HYGIENE -> "Hygiene";
            case TOOL -> "Input and suppressions";
        };
    }
}
