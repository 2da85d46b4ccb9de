package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A CHECK constraint added without NOT VALID scans the table under ACCESS EXCLUSIVE. */
final class AddCheckWithoutNotValid extends OperationRule<Operation.AddConstraint> {

    AddCheckWithoutNotValid() {
        super(Operation.AddConstraint.class, "add-check-without-not-valid", Severity.ERROR, Category.LOCKING,
                "ADD CONSTRAINT ... CHECK without NOT VALID on an existing table",
                "Adding a CHECK validates every existing row while holding ACCESS EXCLUSIVE: no reads or writes for the "
                        + "whole scan.",
                "ALTER TABLE t ADD CONSTRAINT c CHECK (...) NOT VALID;  -- instant, enforced for new writes\n"
                        + "ALTER TABLE t VALIDATE CONSTRAINT c;                -- separate migration: SHARE UPDATE EXCLUSIVE",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddConstraint a) {
        ConstraintDef c = a.constraint();
        if (c.kind() == ConstraintDef.Kind.CHECK && !c.notValid() && existing(ctx, a.table())) {
            String name = c.name() == null ? a.table().name() + "_check" : c.name();
            ctx.report(a.table(), "CHECK constraint " + name + " on " + a.table() + " is validated under ACCESS EXCLUSIVE",
                    "ALTER TABLE " + a.table() + " ADD CONSTRAINT " + name + " CHECK (" + c.expression() + ") NOT VALID;\n"
                            + "ALTER TABLE " + a.table() + " VALIDATE CONSTRAINT " + name + ";  -- separate migration");
        }
    }
}
