package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** TRUNCATE empties a live table under ACCESS EXCLUSIVE; with CASCADE every referencing table too. */
final class TruncateTable extends OperationRule<Operation.Truncate> {

    TruncateTable() {
        super(Operation.Truncate.class, "truncate-table", Severity.ERROR, Category.COMPATIBILITY,
                "TRUNCATE of an existing table",
                "TRUNCATE deletes every row at once and takes ACCESS EXCLUSIVE (no reads, no writes) until the migration "
                        + "commits; the data is gone on every environment the migration reaches. TRUNCATE ... CASCADE also "
                        + "empties every table with a foreign key to it, which the statement does not name.",
                "Delete what must go in batches (flyway-zdm-backfill), or drop a table nothing uses any more in a later "
                        + "release; suppress with a reason for a table that is meant to be emptied (a cache, a staging table).",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.Truncate op) {
        for (TableRef t : op.truncated()) {
            if (existing(ctx, t)) {
                ctx.report(null, "TRUNCATE deletes every row of " + t + " under ACCESS EXCLUSIVE"
                        + (op.cascade() ? ", and CASCADE empties every table that references it" : ""), null);
            }
        }
    }
}
