package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** EXCLUDE constraints have no online path: built under ACCESS EXCLUSIVE, no NOT VALID, no USING INDEX. */
final class AddExclusionConstraint extends OperationRule<Operation.AddConstraint> {

    AddExclusionConstraint() {
        super(Operation.AddConstraint.class, "add-exclusion-constraint", Severity.ERROR, Category.LOCKING,
                "ADD CONSTRAINT ... EXCLUDE on an existing table",
                "An exclusion constraint builds its index and checks every row under ACCESS EXCLUSIVE; PostgreSQL offers "
                        + "neither NOT VALID nor USING INDEX for it.",
                "Create a new table with the constraint, copy the rows in batches while a trigger mirrors new writes, "
                        + "then swap names in one short transaction.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddConstraint a) {
        if (a.constraint().kind() == ConstraintDef.Kind.EXCLUDE && existing(ctx, a.table())) {
            ctx.report(a.table(), "Exclusion constraint on " + a.table() + " is built and checked under ACCESS EXCLUSIVE", null);
        }
    }
}
