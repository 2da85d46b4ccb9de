package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** CREATE INDEX without CONCURRENTLY holds SHARE on the table for the whole build: every write waits. */
final class CreateIndexNonConcurrent extends OperationRule<Operation.CreateIndex> {

    CreateIndexNonConcurrent() {
        super(Operation.CreateIndex.class, "create-index-non-concurrent", Severity.ERROR, Category.LOCKING,
                "CREATE INDEX without CONCURRENTLY on an existing table",
                "CREATE INDEX takes a SHARE lock on the table for the whole build (a full scan and sort): INSERT, UPDATE "
                        + "and DELETE wait until it finishes, which on a large table means minutes of failed writes.",
                "CREATE INDEX CONCURRENTLY idx ON t (col);  -- in its own migration, with a "
                        + "V<n>__<desc>.sql.conf sidecar containing executeInTransaction=false. No IF NOT EXISTS: a failed "
                        + "build leaves an INVALID index of that name, which IF NOT EXISTS would skip and Flyway would record "
                        + "as applied. If it fails, run DROP INDEX CONCURRENTLY IF EXISTS idx; (and flyway repair when a "
                        + "failed history row remains), then migrate again.",
                "CONCURRENTLY is not supported on a partitioned parent: CREATE INDEX ON ONLY parent, then CONCURRENTLY "
                        + "per partition and ALTER INDEX ... ATTACH PARTITION.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.CreateIndex i) {
        // ON ONLY skips the build only on a partitioned parent; on an ordinary table it builds the index as usual
        boolean onlyOnPartitioned = i.only() && ctx.catalog().partitioned(i.table());
        if (i.concurrently() || onlyOnPartitioned || !existing(ctx, i.table())) {
            return;
        }
        String name = i.name() == null ? "" : i.name() + " ";
        ctx.report(i.table(), "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + name + "on existing table "
                + i.table() + " blocks writes for the whole build",
                "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + name + "ON " + i.table()
                        + " (" + String.join(", ", i.columns()) + ");  -- own migration, executeInTransaction=false; "
                        + "no IF NOT EXISTS, it would skip an INVALID index left by a failed build");
    }
}
