package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** NOT NULL without a DEFAULT fails on a table that has rows, and breaks old INSERTs that omit the column. */
final class AddColumnRequired extends OperationRule<Operation.AddColumn> {

    AddColumnRequired() {
        super(Operation.AddColumn.class, "add-column-required", Severity.ERROR, Category.LOCKING,
                "ADD COLUMN ... NOT NULL without a DEFAULT on an existing table",
                "Existing rows would hold NULL, so PostgreSQL rejects the statement on any non-empty table (after "
                        + "taking ACCESS EXCLUSIVE and scanning); on an empty one it passes in test and fails in production. "
                        + "Old application code that inserts without the column breaks too.",
                "ALTER TABLE t ADD COLUMN c type DEFAULT 'constant' NOT NULL;  -- catalog-only since PG 11\n"
                        + "-- or: add it nullable, backfill, then CHECK (c IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL",
                "Not reported when the same migration empties the table first (TRUNCATE, or DELETE without WHERE).");
    }

    /** An earlier statement of this migration truncated the table or deleted every row. */
    private static boolean emptiedEarlier(StatementContext ctx, io.github.flywayzdm.lint.internal.model.TableRef table) {
        for (int i = 0; i < ctx.index(); i++) {
            for (Operation op : ctx.script().get(i).operations()) {
                if (op instanceof Operation.Truncate t && t.truncated().stream().anyMatch(table::sameAs)
                        || op instanceof Operation.Delete d && !d.hasWhere() && table.sameAs(d.table())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddColumn a) {
        ColumnDef c = a.column();
        boolean filled = c.defaultExpr() != null && !c.defaultExpr().equalsIgnoreCase("NULL") || c.serial()
                || c.generated() != ColumnDef.Generated.NONE;
        if (c.notNull() && !filled && existing(ctx, a.table()) && !emptiedEarlier(ctx, a.table())) {
            ctx.report(a.table(), "Column " + c.name() + " on " + a.table()
                    + " is NOT NULL without a DEFAULT: fails on a table that has rows",
                    "ALTER TABLE " + a.table() + " ADD COLUMN " + c.name() + " " + c.type() + ";  -- nullable, then backfill and add NOT NULL safely");
        }
    }
}
