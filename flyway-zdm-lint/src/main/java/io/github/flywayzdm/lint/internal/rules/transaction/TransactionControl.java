package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** BEGIN/COMMIT inside a Flyway migration fight Flyway's own transaction handling. */
final class TransactionControl extends OperationRule<Operation.TransactionControl> {

    TransactionControl() {
        super(Operation.TransactionControl.class, "transaction-control", Severity.ERROR, Category.TRANSACTION,
                "Explicit BEGIN / COMMIT / ROLLBACK inside a migration",
                "Flyway manages the migration's transaction. A COMMIT inside it ends Flyway's transaction early (later "
                        + "statements then run without one, so a failure leaves a half-applied migration); a BEGIN without "
                        + "COMMIT keeps locks until the connection closes.",
                "Remove the transaction statements. Use executeInTransaction=false in a .sql.conf sidecar when the script "
                        + "must run outside a transaction, and split it into several migrations when parts must commit separately.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.TransactionControl op) {
        if (op.begins() || op.ends()) {
            ctx.report(null, op.keyword() + " inside a migration interferes with the transaction Flyway manages", null);
        }
    }
}
