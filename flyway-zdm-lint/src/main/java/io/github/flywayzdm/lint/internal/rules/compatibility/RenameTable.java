package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** Renaming a table breaks running code, unless a view keeps the old name alive. */
final class RenameTable extends OperationRule<Operation.RenameTable> {

    RenameTable() {
        super(Operation.RenameTable.class, "rename-table", Severity.WARNING, Category.COMPATIBILITY,
                "ALTER TABLE ... RENAME TO of an existing table",
                "Application instances still running the previous release query the old name and fail until replaced.",
                "ALTER TABLE old RENAME TO new;\nCREATE VIEW old AS SELECT * FROM new;  -- simple views are updatable; "
                        + "drop the view once no release uses the old name",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.RenameTable op) {
        if (!existing(ctx, op.table()) || compatibilityViewFollows(ctx, op)) {
            return;
        }
        ctx.report(null, "Renaming " + op.table() + " to " + op.newName() + " breaks running code that uses " + op.table().name(),
                "CREATE VIEW " + op.table() + " AS SELECT * FROM " + op.newName() + ";  -- right after the rename, same migration");
    }

    private static boolean compatibilityViewFollows(StatementContext ctx, Operation.RenameTable rename) {
        for (int i = ctx.index() + 1; i < ctx.script().size(); i++) {
            for (Operation.CreateView v : ctx.script().get(i).all(Operation.CreateView.class)) {
                if (!v.materialized() && v.table().name().equals(rename.table().name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
