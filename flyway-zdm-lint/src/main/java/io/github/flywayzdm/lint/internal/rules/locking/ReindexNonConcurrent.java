package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** REINDEX without CONCURRENTLY blocks writes, and reads that would use the index. */
public final class ReindexNonConcurrent extends BaseRule {

    public ReindexNonConcurrent() {
        super("reindex-non-concurrent", Severity.ERROR, Category.LOCKING,
                "REINDEX without CONCURRENTLY",
                "REINDEX takes SHARE on the table (writes wait) and ACCESS EXCLUSIVE on each index (queries that would "
                        + "use it wait) for the whole rebuild.",
                "REINDEX INDEX CONCURRENTLY idx;  -- own migration with executeInTransaction=false (Flyway does not "
                        + "detect REINDEX CONCURRENTLY as non-transactional by itself)",
                "CONCURRENTLY exists since PostgreSQL 12. REINDEX SYSTEM cannot run concurrently.");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.Reindex.class, r -> {
            if (!r.concurrently() && !r.kind().equals("SYSTEM") && (r.target() == null || existing(ctx, r.target()))) {
                ctx.report(r.kind().equals("TABLE") ? r.target() : null, "REINDEX " + r.kind()
                        + (r.target() == null ? "" : " " + r.target()) + " blocks writes for the whole rebuild",
                        "REINDEX " + r.kind() + " CONCURRENTLY " + (r.target() == null ? "" : r.target()) + ";");
            }
        });
    }
}
