package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** ALTER TABLE ... SET TABLESPACE on an existing table */
final class SetTablespace extends BaseRule {

    SetTablespace() {
        super("set-tablespace", Severity.ERROR, Category.LOCKING,
                "ALTER TABLE ... SET TABLESPACE on an existing table",
                "Moving a table to another tablespace copies every block while ACCESS EXCLUSIVE blocks all reads and writes.",
                "Use pg_repack (or pg_squeeze) to move the table online, outside the migration.",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.SetTablespace.class);
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.SetTablespace.class, op -> {
            if (existing(ctx, op.table())) {
                ctx.report(op.table(), "SET TABLESPACE " + op.tablespace() + " copies all of " + op.table() + " under ACCESS EXCLUSIVE", null);
            }
        });
    }
}
