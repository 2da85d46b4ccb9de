package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** DROP DATABASE in a migration. */
final class DropDatabase extends OperationRule<Operation.DropDatabase> {

    DropDatabase() {
        super(Operation.DropDatabase.class, "drop-database", Severity.ERROR, Category.COMPATIBILITY,
                "DROP DATABASE",
                "Dropping a database destroys all of its schemas and data, and fails while anyone is connected to it (or, "
                        + "WITH (FORCE), disconnects them). It cannot run inside a transaction, and no migration of the dropped "
                        + "database can be repaired afterwards.",
                "Drop databases by hand or in infrastructure code after a backup, never in an application's migrations.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropDatabase op) {
        ctx.report(null, "DROP DATABASE " + (op.name() == null ? "" : op.name())
                + " destroys every schema and row in it", null);
    }
}
