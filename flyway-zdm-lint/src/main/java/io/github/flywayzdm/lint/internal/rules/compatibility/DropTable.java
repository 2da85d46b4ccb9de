package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import io.github.flywayzdm.lint.internal.model.TableRef;

/** Dropping a table breaks running code that still uses it, and locks the tables its foreign keys reference. */
final class DropTable extends OperationRule<Operation.DropTable> {

    DropTable() {
        super(Operation.DropTable.class, "drop-table", Severity.WARNING, Category.COMPATIBILITY,
                "DROP TABLE of an existing table",
                "Running application instances that still use the table fail at once; the data is gone. DROP TABLE also "
                        + "takes ACCESS EXCLUSIVE on tables its foreign keys point to.",
                "Remove every use from the code in one release, drop the table in a later one (suppress with a reason "
                        + "then). Drop its foreign keys first in their own migrations.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropTable op) {
        for (TableRef t : op.dropped()) {
            if (existing(ctx, t)) {
                ctx.report(null, "Dropping table " + t + " breaks code that still uses it", null);
            }
        }
    }
}
