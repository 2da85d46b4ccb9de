package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** VALIDATE in the same transaction as the NOT VALID add: the add's strong lock is held during the scan. */
final class ValidateInSameTransaction extends OperationRule<Operation.ValidateConstraint> {

    ValidateInSameTransaction() {
        super(Operation.ValidateConstraint.class, "validate-in-same-transaction", Severity.ERROR, Category.TRANSACTION,
                "VALIDATE CONSTRAINT in the same transaction that added it NOT VALID",
                "NOT VALID only helps when the validation runs in a later transaction. In the same one, the ACCESS "
                        + "EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE on both tables (foreign key) taken by the ADD is still "
                        + "held while VALIDATE scans the table: exactly the outage NOT VALID was meant to avoid.",
                "Move ALTER TABLE ... VALIDATE CONSTRAINT into the next migration.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.ValidateConstraint v) {
        if (!ctx.transactional()) {
            return;
        }
        for (int i = 0; i < ctx.index(); i++) {
            for (Operation.AddConstraint a : ctx.script().get(i).all(Operation.AddConstraint.class)) {
                ConstraintDef c = a.constraint();
                if (c.notValid() && v.name() != null && v.name().equals(c.name()) && a.table().sameAs(v.table())) {
                    ctx.report(v.table(), "Constraint " + v.name() + " is validated in the same transaction that added it "
                            + "NOT VALID: the add's lock is held for the whole validation scan",
                            "-- next migration:\nALTER TABLE " + v.table() + " VALIDATE CONSTRAINT " + v.name() + ";");
                    return;
                }
            }
        }
    }
}
