package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** ADD PRIMARY KEY builds an index (and may scan for NULLs) under ACCESS EXCLUSIVE. */
final class AddPrimaryKeyDirect extends OperationRule<Operation.AddConstraint> {

    AddPrimaryKeyDirect() {
        super(Operation.AddConstraint.class, "add-primary-key-direct", Severity.ERROR, Category.LOCKING,
                "ADD PRIMARY KEY built directly on an existing table",
                "The primary key's unique index is built, and nullable columns are scanned for NULLs, all under ACCESS "
                        + "EXCLUSIVE: no reads or writes meanwhile.",
                "-- make the columns NOT NULL safely first (CHECK NOT VALID, VALIDATE, SET NOT NULL), then:\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON t (id);  -- own migration\n"
                        + "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddConstraint a) {
        ConstraintDef c = a.constraint();
        if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY && c.usingIndex() == null && existing(ctx, a.table())) {
            ctx.report(a.table(), "PRIMARY KEY on " + a.table() + " (" + String.join(", ", c.columns())
                    + ") builds its index under ACCESS EXCLUSIVE", null);
        }
    }
}
