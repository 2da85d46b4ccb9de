package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** DROP NOT NULL on an existing column */
final class DropNotNull extends OperationRule<Operation.DropNotNull> {

    DropNotNull() {
        super(Operation.DropNotNull.class, "drop-not-null", Severity.INFO, Category.COMPATIBILITY,
                "DROP NOT NULL on an existing column",
                "Catalog-only and quick, but code that assumes the column is never NULL may break once NULLs appear.",
                "Make sure every reader tolerates NULL before dropping the constraint.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropNotNull op) {
        if (existing(ctx, op.table())) {
            ctx.report(null, "Dropping NOT NULL on " + op.table() + "." + op.column() + ": readers must now handle NULL", null);
        }
    }
}
