package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** CREATE INDEX CONCURRENTLY is not supported on a partitioned parent. */
final class ConcurrentIndexOnPartitioned extends OperationRule<Operation.CreateIndex> {

    ConcurrentIndexOnPartitioned() {
        super(Operation.CreateIndex.class, "concurrent-index-on-partitioned", Severity.ERROR, Category.LOCKING,
                "CREATE INDEX CONCURRENTLY on a partitioned table",
                "PostgreSQL rejects CONCURRENTLY on a partitioned parent, and the non-concurrent form locks every partition.",
                "CREATE INDEX idx ON ONLY parent (c);                          -- invalid, instant\n"
                        + "CREATE INDEX CONCURRENTLY idx_p1 ON parent_p1 (c);          -- per partition, own migrations\n"
                        + "ALTER INDEX idx ATTACH PARTITION idx_p1;                    -- idx turns valid when all are attached",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.CreateIndex op) {
        if (op.concurrently() && ctx.catalog().partitioned(op.table())) {
            ctx.report(op.table(), op.table() + " is partitioned: CREATE INDEX CONCURRENTLY fails on its parent", null);
        }
    }
}
