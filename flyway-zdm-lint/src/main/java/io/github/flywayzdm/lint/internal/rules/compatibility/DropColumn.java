package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** DROP COLUMN of an existing table */
final class DropColumn extends OperationRule<Operation.DropColumn> {

    DropColumn() {
        super(Operation.DropColumn.class, "drop-column", Severity.WARNING, Category.COMPATIBILITY,
                "DROP COLUMN of an existing table",
                "Running application instances (and ORMs that select every mapped column) fail as soon as the column is gone; the data is lost.",
                "Stop reading and writing the column in a release first (e.g. mark it ignored in the ORM), then drop it in a later migration; suppress with a reason once that is done.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropColumn op) {
        if (existing(ctx, op.table())) {
            ctx.report(null, "Dropping " + op.table() + "." + op.column() + " breaks code that still reads or writes it", null);
        }
    }
}
