package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** ADD UNIQUE builds its index under ACCESS EXCLUSIVE. */
final class AddUniqueConstraintDirect extends OperationRule<Operation.AddConstraint> {

    AddUniqueConstraintDirect() {
        super(Operation.AddConstraint.class, "add-unique-constraint-direct", Severity.ERROR, Category.LOCKING,
                "ADD CONSTRAINT ... UNIQUE built directly on an existing table",
                "The unique index is built while ACCESS EXCLUSIVE blocks all reads and writes. NOT VALID does not exist "
                        + "for UNIQUE.",
                "CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c);  -- own migration, executeInTransaction=false\n"
                        + "ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key;  -- instant",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddConstraint a) {
        ConstraintDef c = a.constraint();
        if (c.kind() == ConstraintDef.Kind.UNIQUE && c.usingIndex() == null && existing(ctx, a.table())) {
            String name = c.name() == null ? a.table().name() + "_" + String.join("_", c.columns()) + "_key" : c.name();
            ctx.report(a.table(), "UNIQUE constraint " + name + " on " + a.table() + " builds its index under ACCESS EXCLUSIVE",
                    "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + a.table() + " (" + String.join(", ", c.columns()) + ");\n"
                            + "ALTER TABLE " + a.table() + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name + ";");
        }
    }
}
