package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** ALTER TABLE ... SET LOGGED / SET UNLOGGED on an existing table */
final class SetLoggedUnlogged extends OperationRule<Operation.SetLogged> {

    SetLoggedUnlogged() {
        super(Operation.SetLogged.class, "set-logged-unlogged", Severity.ERROR, Category.LOCKING,
                "ALTER TABLE ... SET LOGGED / SET UNLOGGED on an existing table",
                "Switching between logged and unlogged rewrites the table (and SET LOGGED writes all of it to WAL) under ACCESS EXCLUSIVE.",
                "Avoid it on live tables; create the table with the right persistence, or copy into a new table in batches.",
                "No rewrite when the table already has the persistence asked for (SET LOGGED on a logged table is a no-op).");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.SetLogged op) {
        boolean known = ctx.catalog().table(op.table()).isPresent();
        if (op.logged() && known && !ctx.catalog().unlogged(op.table())) {
            return; // SET LOGGED on a table that is logged already: PostgreSQL does nothing
        }
        if (!op.logged() && known && ctx.catalog().unlogged(op.table())) {
            return;
        }
        if (existing(ctx, op.table())) {
            ctx.report(op.table(), "SET " + (op.logged() ? "LOGGED" : "UNLOGGED") + " rewrites " + op.table() + " under ACCESS EXCLUSIVE", null);
        }
    }
}
