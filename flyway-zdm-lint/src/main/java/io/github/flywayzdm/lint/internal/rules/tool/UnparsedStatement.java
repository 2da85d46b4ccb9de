package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** A statement neither JSqlParser nor the keyword reader understood: it was not checked, so say so. */
final class UnparsedStatement implements Rule {

    public static final String ID = "unparsed-statement";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING, Category.TOOL,
            "A statement could not be analyzed",
            "flyway-zdm could not understand this statement, so no safety rule checked it. It may be fine, or it may "
                    + "take a blocking lock.",
            "Check the statement by hand (or with zdm trace on a real server), then suppress with a reason: "
                    + "-- zdm:ignore unparsed-statement: checked by hand, takes no lock", "");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.Unparsed.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.Unparsed u : ctx.statement().all(Operation.Unparsed.class)) {
            ctx.report("Statement not checked: " + u.reason());
        }
    }
}
