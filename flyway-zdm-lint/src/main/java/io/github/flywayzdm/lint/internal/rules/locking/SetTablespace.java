package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** ALTER TABLE ... SET TABLESPACE on an existing table */
final class SetTablespace extends OperationRule<Operation.SetTablespace> {

    SetTablespace() {
        super(Operation.SetTablespace.class, "set-tablespace", Severity.ERROR, Category.LOCKING,
                "ALTER TABLE ... SET TABLESPACE on an existing table",
                "Moving a table to another tablespace copies every block while ACCESS EXCLUSIVE blocks all reads and writes.",
                "Use pg_repack (or pg_squeeze) to move the table online, outside the migration.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.SetTablespace op) {
        if (existing(ctx, op.table())) {
            ctx.report(op.table(), "SET TABLESPACE " + op.tablespace() + " copies all of " + op.table() + " under ACCESS EXCLUSIVE", null);
        }
    }
}
