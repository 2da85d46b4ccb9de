package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.LockLevels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Several ACCESS EXCLUSIVE ALTER TABLE statements on one table where one statement would take the lock once. */
final class MultipleAlterTable extends BaseRule {

    MultipleAlterTable() {
        super("multiple-alter-table", Severity.INFO, Category.HYGIENE,
                "Several ALTER TABLE statements on the same existing table in one migration",
                "Outside a transaction (executeInTransaction=false, or a script Flyway runs without one) each ALTER TABLE "
                        + "queues for ACCESS EXCLUSIVE on its own: every extra statement is another wait behind running "
                        + "transactions, with all traffic queued behind it, and another point to stop halfway. In a transaction "
                        + "the lock is held from the first statement to commit, and each rewriting or scanning action in its "
                        + "own statement still rewrites or scans the table once more, where one statement does it in one pass.",
                "ALTER TABLE t ADD COLUMN a int, ADD COLUMN b text, ALTER COLUMN c SET DEFAULT 0;  -- one statement, one lock",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.OnTable.class);
    }

    @Override
    public void check(StatementContext ctx) {
        TableRef table = alteredTable(ctx);
        if (table == null || !existing(ctx, table)) {
            return;
        }
        // by name: no rescan of the migration per statement; the statement index, because the engine checks each action
        // of a multi-action ALTER TABLE on its own and those are one statement
        Map<String, List<int[]>> seen = ctx.scriptState(HashMap::new);
        List<int[]> statements = seen.computeIfAbsent(table.name(), k -> new ArrayList<>(2));
        if (!statements.isEmpty() && statements.get(statements.size() - 1)[0] == ctx.index()) {
            return;
        }
        int previous = statements.size();
        if (previous < 2) {
            statements.add(new int[] {ctx.index()});
        }
        if (previous == 1) { // report the second statement only, once per table
            ctx.report(null, "Another ALTER TABLE of " + table + " in this migration: merge the actions into one statement "
                    + "to take its ACCESS EXCLUSIVE lock once", null);
        }
    }

    /** The table of an ALTER TABLE statement whose actions take ACCESS EXCLUSIVE (renames excluded: they must stand alone). */
    private static TableRef alteredTable(StatementContext ctx) {
        TableRef table = null;
        for (Operation op : ctx.script().get(ctx.index()).operations()) {
            if (!(op instanceof Operation.OnTable on) || op instanceof Operation.RenameTable || op instanceof Operation.RenameColumn
                    || op instanceof Operation.CreateTable || op instanceof Operation.CreateIndex || op instanceof Operation.CreateView
                    || op instanceof Operation.Update || op instanceof Operation.Delete || op instanceof Operation.Insert
                    || op instanceof Operation.RefreshMaterializedView || op instanceof Operation.AttachPartition
                    || op instanceof Operation.DetachPartition || LockLevels.of(op) != LockLevels.ACCESS_EXCLUSIVE) {
                return null;
            }
            table = on.table();
        }
        return table;
    }
}
