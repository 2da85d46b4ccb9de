package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.split.Placeholders;

/** A Flyway placeholder without a value was linted with a stand-in name. */
final class UnresolvedPlaceholder implements Rule {

    public static final String ID = "unresolved-placeholder";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.INFO, Category.TOOL,
            "A Flyway placeholder has no value",
            "The statement was linted with a stand-in identifier for the placeholder; verdicts that depend on its "
                    + "value (a table name, a type) may be off.",
            "Pass the placeholder values the way Flyway gets them (zdm.placeholders / --config placeholder.<name>=value).", "");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        LintConfig config = ctx.config();
        if (!ctx.statement().source().contains(config.placeholderPrefix())) {
            return; // most statements: no copy of the text is cut
        }
        Placeholders placeholders = Placeholders.of(config.placeholders(), config.placeholderPrefix(), config.placeholderSuffix());
        for (String name : placeholders.unresolved(ctx.statement().source().sql())) {
            ctx.report("Placeholder " + config.placeholderPrefix() + name + config.placeholderSuffix() + " has no value");
        }
    }
}
