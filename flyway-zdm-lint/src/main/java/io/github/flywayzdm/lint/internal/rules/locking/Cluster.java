package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** CLUSTER */
final class Cluster extends OperationRule<Operation.Cluster> {

    Cluster() {
        super(Operation.Cluster.class, "cluster", Severity.ERROR, Category.LOCKING,
                "CLUSTER",
                "CLUSTER rewrites the table in index order while ACCESS EXCLUSIVE blocks all reads and writes.",
                "Use pg_repack --order-by to reorder a table online.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.Cluster op) {
        if (op.table() == null || existing(ctx, op.table())) {
            ctx.report(op.table(), "CLUSTER " + (op.table() == null ? "(all clustered tables)" : op.table()) + " rewrites under ACCESS EXCLUSIVE", null);
        }
    }
}
