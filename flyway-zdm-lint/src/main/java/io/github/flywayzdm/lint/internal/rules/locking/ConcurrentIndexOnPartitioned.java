package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** CREATE INDEX CONCURRENTLY is not supported on a partitioned parent. */
final class ConcurrentIndexOnPartitioned extends BaseRule {

    ConcurrentIndexOnPartitioned() {
        super("concurrent-index-on-partitioned", Severity.ERROR, Category.LOCKING,
                "CREATE INDEX CONCURRENTLY on a partitioned table",
                "PostgreSQL rejects CONCURRENTLY on a partitioned parent, and the non-concurrent form locks every partition.",
                "CREATE INDEX idx ON ONLY parent (c);                          -- invalid, instant\n"
                        + "CREATE INDEX CONCURRENTLY idx_p1 ON parent_p1 (c);          -- per partition, own migrations\n"
                        + "ALTER INDEX idx ATTACH PARTITION idx_p1;                    -- idx turns valid when all are attached",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateIndex.class);
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.CreateIndex.class, op -> {
            boolean partitioned = ctx.catalog().table(op.table()).map(t -> t.partitioned()).orElse(false);
            if (op.concurrently() && partitioned) {
                ctx.report(op.table(), op.table() + " is partitioned: CREATE INDEX CONCURRENTLY fails on its parent", null);
            }
        });
    }
}
