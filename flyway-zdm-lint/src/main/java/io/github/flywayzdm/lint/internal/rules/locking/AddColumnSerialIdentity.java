package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A serial or identity column is filled for every existing row: a rewrite. */
final class AddColumnSerialIdentity extends OperationRule<Operation.AddColumn> {

    AddColumnSerialIdentity() {
        super(Operation.AddColumn.class, "add-column-serial-identity", Severity.ERROR, Category.LOCKING,
                "ADD COLUMN serial/bigserial/identity on an existing table",
                "serial and GENERATED ... AS IDENTITY columns draw a sequence value for every existing row, so "
                        + "PostgreSQL rewrites the table and its indexes under ACCESS EXCLUSIVE.",
                "CREATE SEQUENCE t_c_seq;\nALTER TABLE t ADD COLUMN c bigint;\n"
                        + "ALTER TABLE t ALTER COLUMN c SET DEFAULT nextval('t_c_seq');  -- new rows\n"
                        + "-- backfill old rows in batches, then add NOT NULL / a unique index concurrently",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddColumn a) {
        ColumnDef c = a.column();
        if ((c.serial() || c.generated() == ColumnDef.Generated.IDENTITY) && existing(ctx, a.table())) {
            ctx.report(a.table(), "Column " + c.name() + " on " + a.table() + " is " + (c.serial() ? c.type() : "an identity")
                    + ": every existing row gets a value, the table is rewritten under ACCESS EXCLUSIVE", null);
        }
    }
}
