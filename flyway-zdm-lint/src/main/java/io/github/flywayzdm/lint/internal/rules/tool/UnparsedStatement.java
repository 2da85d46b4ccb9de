package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A statement neither JSqlParser nor the keyword reader understood: it was not checked, so say so. */
final class UnparsedStatement extends OperationRule<Operation.Unparsed> {

    public static final String ID = "unparsed-statement";

    UnparsedStatement() {
        super(Operation.Unparsed.class, ID, Severity.WARNING, Category.TOOL,
                "A statement could not be analyzed",
                "flyway-zdm could not understand this statement, so no safety rule checked it. It may be fine, or it may "
                        + "take a blocking lock.",
                "Check the statement by hand (or with zdm trace on a real server), then suppress with a reason: "
                        + "-- zdm:ignore unparsed-statement: checked by hand, takes no lock", "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.Unparsed u) {
        ctx.report("Statement not checked: " + u.reason());
    }
}
