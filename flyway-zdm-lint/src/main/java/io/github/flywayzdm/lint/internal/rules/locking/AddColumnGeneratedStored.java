package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A STORED generated column is computed for every row: a rewrite. */
final class AddColumnGeneratedStored extends OperationRule<Operation.AddColumn> {

    AddColumnGeneratedStored() {
        super(Operation.AddColumn.class, "add-column-generated-stored", Severity.ERROR, Category.LOCKING,
                "ADD COLUMN ... GENERATED ALWAYS AS (...) STORED on an existing table",
                "A stored generated column is computed and written for every existing row: the table is rewritten "
                        + "under ACCESS EXCLUSIVE.",
                "Add a nullable column, keep it filled with a trigger for new writes, backfill old rows in batches.",
                "PostgreSQL 18 adds VIRTUAL generated columns (the default kind there), computed on read: no rewrite.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddColumn a) {
        ColumnDef c = a.column();
        boolean stored = c.generated() == ColumnDef.Generated.STORED
                || c.generated() == ColumnDef.Generated.VIRTUAL && ctx.pgMajor() < 18;
        if (stored && existing(ctx, a.table())) {
            ctx.report(a.table(), "Generated column " + c.name() + " on " + a.table()
                    + " is stored: every existing row is rewritten under ACCESS EXCLUSIVE", null);
        }
    }
}
