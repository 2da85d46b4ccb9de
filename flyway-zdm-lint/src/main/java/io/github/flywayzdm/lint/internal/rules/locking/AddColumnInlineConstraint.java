package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** UNIQUE / PRIMARY KEY / CHECK written on the new column are built or checked at once under ACCESS EXCLUSIVE. */
final class AddColumnInlineConstraint extends OperationRule<Operation.AddColumn> {

    AddColumnInlineConstraint() {
        super(Operation.AddColumn.class, "add-column-inline-constraint", Severity.ERROR, Category.LOCKING,
                "ADD COLUMN with an inline UNIQUE, PRIMARY KEY or CHECK on an existing table",
                "An inline UNIQUE or PRIMARY KEY builds an index under ACCESS EXCLUSIVE (a full scan even when the new "
                        + "column is all NULL); an inline CHECK scans the table under ACCESS EXCLUSIVE and cannot be NOT VALID. "
                        + "An inline REFERENCES without DEFAULT is fine: the new column is all NULL, so nothing is validated.",
                "ALTER TABLE t ADD COLUMN c type;\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c);          -- own migration\n"
                        + "ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key;\n"
                        + "-- CHECK: ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (...) NOT VALID; then VALIDATE separately",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddColumn a) {
        ColumnDef c = a.column();
        if (!existing(ctx, a.table())) {
            return;
        }
        String kind = c.inlinePrimaryKey() ? "PRIMARY KEY" : c.inlineUnique() ? "UNIQUE" : c.inlineCheck() != null ? "CHECK" : null;
        if (kind != null) {
            ctx.report(a.table(), "Column " + c.name() + " on " + a.table() + " declares " + kind
                    + " inline: built/checked on the whole table under ACCESS EXCLUSIVE", null);
        }
    }
}
