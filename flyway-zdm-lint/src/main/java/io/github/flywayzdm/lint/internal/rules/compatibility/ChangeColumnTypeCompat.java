package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.TypeName;
import io.github.flywayzdm.lint.internal.rules.TypeChanges;

/** A type change that is not a plain widening can break code still running against the old type. */
final class ChangeColumnTypeCompat extends OperationRule<Operation.AlterColumnType> {

    ChangeColumnTypeCompat() {
        super(Operation.AlterColumnType.class, "change-column-type-compat", Severity.WARNING, Category.COMPATIBILITY,
                "Type change of an existing column that is not a plain widening",
                "Code of the previous release still reads and writes the column with the old type in mind: narrowing "
                        + "(values that no longer fit) or changing the kind of type (text→integer, varchar→json) makes its "
                        + "statements fail or its mapping break.",
                "Add a column of the new type, write both, backfill, switch readers, then drop the old column.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterColumnType op) {
        if (!existing(ctx, op.table())) {
            return;
        }
        TypeName old = ctx.catalog().column(op.table(), op.column()).map(TableState.ColumnState::type).orElse(null);
        if (old != null && !TypeChanges.widening(old, op.newType())) {
            ctx.report(null, "Changing " + op.table() + "." + op.column() + " from " + old + " to " + op.newType()
                    + " is not a widening: code of the running release may break", null);
        }
    }
}
