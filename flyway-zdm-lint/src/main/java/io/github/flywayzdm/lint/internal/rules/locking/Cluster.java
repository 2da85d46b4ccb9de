package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** CLUSTER */
final class Cluster extends BaseRule {

    Cluster() {
        super("cluster", Severity.ERROR, Category.LOCKING,
                "CLUSTER",
                "CLUSTER rewrites the table in index order while ACCESS EXCLUSIVE blocks all reads and writes.",
                "Use pg_repack --order-by to reorder a table online.",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.Cluster.class);
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.Cluster.class, op -> {
            if (op.table() == null || existing(ctx, op.table())) {
                ctx.report(op.table(), "CLUSTER " + (op.table() == null ? "(all clustered tables)" : op.table()) + " rewrites under ACCESS EXCLUSIVE", null);
            }
        });
    }
}
