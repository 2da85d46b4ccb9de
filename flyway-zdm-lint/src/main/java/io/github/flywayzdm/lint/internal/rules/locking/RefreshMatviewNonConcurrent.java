package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** REFRESH MATERIALIZED VIEW without CONCURRENTLY */
final class RefreshMatviewNonConcurrent extends OperationRule<Operation.RefreshMaterializedView> {

    RefreshMatviewNonConcurrent() {
        super(Operation.RefreshMaterializedView.class, "refresh-matview-non-concurrent", Severity.ERROR, Category.LOCKING,
                "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
                "A plain refresh holds ACCESS EXCLUSIVE on the view while its query runs: every read of the view waits.",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY v;  -- needs a unique index on the view; readers keep the old contents meanwhile",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.RefreshMaterializedView op) {
        if (!op.concurrently() && existing(ctx, op.table())) {
            ctx.report(op.table(), "REFRESH MATERIALIZED VIEW " + op.table() + " blocks its readers for the whole refresh", null);
        }
    }
}
