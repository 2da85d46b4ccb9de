package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** DETACH PARTITION without CONCURRENTLY */
final class DetachPartitionNonConcurrent extends BaseRule {

    DetachPartitionNonConcurrent() {
        super("detach-partition-non-concurrent", Severity.ERROR, Category.LOCKING,
                "DETACH PARTITION without CONCURRENTLY",
                "DETACH PARTITION takes ACCESS EXCLUSIVE on the parent and the partition: queries on the whole partitioned table wait.",
                "ALTER TABLE parent DETACH PARTITION part CONCURRENTLY;  -- own migration with executeInTransaction=false (Flyway does not detect it)",
                "CONCURRENTLY exists since PostgreSQL 14; not allowed when the parent has a DEFAULT partition.");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.DetachPartition.class);
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.DetachPartition.class, op -> {
            if (!op.concurrently() && !op.finalizeDetach() && ctx.pgMajor() >= 14 && existing(ctx, op.table())) {
                ctx.report(op.table(), "DETACH PARTITION " + op.partition() + " from " + op.table() + " locks the parent with ACCESS EXCLUSIVE", "ALTER TABLE " + op.table() + " DETACH PARTITION " + op.partition() + " CONCURRENTLY;  -- own migration, executeInTransaction=false");
            }
        });
    }
}
