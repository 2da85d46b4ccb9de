package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** RENAME COLUMN of an existing table */
final class RenameColumn extends OperationRule<Operation.RenameColumn> {

    RenameColumn() {
        super(Operation.RenameColumn.class, "rename-column", Severity.WARNING, Category.COMPATIBILITY,
                "RENAME COLUMN of an existing table",
                "Application instances still running the previous release use the old name: their queries fail from the moment the rename commits until they are replaced.",
                "Expand/contract: add the new column, keep both in step with a trigger, backfill, switch the application to the new name, then drop the old column in a later release.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.RenameColumn op) {
        if (existing(ctx, op.table())) {
            ctx.report(null, "Renaming " + op.table() + "." + op.column() + " to " + op.newName() + " breaks running code that still uses " + op.column(), null);
        }
    }
}
