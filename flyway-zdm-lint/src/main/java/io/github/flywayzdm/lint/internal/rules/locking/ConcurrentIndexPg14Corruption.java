package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** CONCURRENTLY index build or reindex when the target is PostgreSQL 14 */
final class ConcurrentIndexPg14Corruption extends BaseRule {

    ConcurrentIndexPg14Corruption() {
        super("concurrent-index-pg14-corruption", Severity.WARNING, Category.LOCKING,
                "CONCURRENTLY index build or reindex when the target is PostgreSQL 14",
                "PostgreSQL 14.0 to 14.3 can silently corrupt indexes built or rebuilt with CONCURRENTLY (fixed in 14.4).",
                "Upgrade to 14.4 or later before building indexes concurrently, and REINDEX indexes built on 14.0–14.3.",
                "Only PostgreSQL 14.0–14.3.");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateIndex.class, Operation.Reindex.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.CreateIndex op : ctx.statement().all(Operation.CreateIndex.class)) {
            if (op.concurrently() && ctx.pgMajor() == 14) {
                ctx.report(op.table(), "CREATE INDEX CONCURRENTLY on PostgreSQL 14: if your server is 14.0–14.3 the index can be corrupted (fixed in 14.4)", null);
            }
        }
        for (Operation.Reindex op : ctx.statement().all(Operation.Reindex.class)) {
            if (op.concurrently() && ctx.pgMajor() == 14) {
                ctx.report(op.target(), "REINDEX CONCURRENTLY on PostgreSQL 14: if your server is 14.0–14.3 the index can be corrupted (fixed in 14.4)", null);
            }
        }
    }
}
