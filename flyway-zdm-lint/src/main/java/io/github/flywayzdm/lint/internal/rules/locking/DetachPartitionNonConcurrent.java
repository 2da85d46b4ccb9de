package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** DETACH PARTITION without CONCURRENTLY */
final class DetachPartitionNonConcurrent extends OperationRule<Operation.DetachPartition> {

    DetachPartitionNonConcurrent() {
        super(Operation.DetachPartition.class, "detach-partition-non-concurrent", Severity.ERROR, Category.LOCKING,
                "DETACH PARTITION without CONCURRENTLY",
                "DETACH PARTITION takes ACCESS EXCLUSIVE on the parent and the partition: queries on the whole partitioned table wait.",
                "ALTER TABLE parent DETACH PARTITION part CONCURRENTLY;  -- own migration with executeInTransaction=false (Flyway does not detect it)",
                "CONCURRENTLY exists since PostgreSQL 14; not allowed when the parent has a DEFAULT partition.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DetachPartition op) {
        if (!op.concurrently() && !op.finalizeDetach() && ctx.pgMajor() >= 14 && existing(ctx, op.table())) {
            ctx.report(op.table(), "DETACH PARTITION " + op.partition() + " from " + op.table() + " locks the parent with ACCESS EXCLUSIVE", "ALTER TABLE " + op.table() + " DETACH PARTITION " + op.partition() + " CONCURRENTLY;  -- own migration, executeInTransaction=false");
        }
    }
}
