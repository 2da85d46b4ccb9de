package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** A CONCURRENTLY index statement that fails when run again: a failed non-transactional migration must be re-run. */
final class ConcurrentIndexNotRerunnable extends BaseRule {

    ConcurrentIndexNotRerunnable() {
        super("concurrent-index-not-rerunnable", Severity.WARNING, Category.TRANSACTION,
                "CREATE INDEX CONCURRENTLY without IF NOT EXISTS (or DROP INDEX CONCURRENTLY without IF EXISTS)",
                "A CONCURRENTLY statement runs outside a transaction, so a failed or interrupted migration is not rolled "
                        + "back: a failed CREATE INDEX CONCURRENTLY leaves an INVALID index under its name, and the retry "
                        + "fails with 'relation already exists' (a DROP that already ran fails with 'does not exist').",
                "DROP INDEX CONCURRENTLY IF EXISTS idx;  -- first, if a failed build left an INVALID idx behind\n"
                        + "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON t (c);",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateIndex.class, Operation.DropIndex.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.CreateIndex i : ctx.statement().all(Operation.CreateIndex.class)) {
            if (i.concurrently() && !i.ifNotExists() && i.name() != null) {
                ctx.report(null, "CREATE INDEX CONCURRENTLY " + i.name() + " is not re-runnable: after a failed build the retry "
                        + "fails on the INVALID index left behind", "DROP INDEX CONCURRENTLY IF EXISTS " + i.name()
                        + ";  -- removes an INVALID leftover of a failed build\nCREATE INDEX CONCURRENTLY IF NOT EXISTS " + i.name()
                        + " ON " + i.table() + " (...);");
            }
        }
        for (Operation.DropIndex d : ctx.statement().all(Operation.DropIndex.class)) {
            if (d.concurrently() && !d.ifExists()) {
                ctx.report(null, "DROP INDEX CONCURRENTLY without IF EXISTS fails when the migration is run again", null);
            }
        }
    }
}
