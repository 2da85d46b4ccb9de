package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** REFRESH MATERIALIZED VIEW without CONCURRENTLY */
final class RefreshMatviewNonConcurrent extends BaseRule {

    RefreshMatviewNonConcurrent() {
        super("refresh-matview-non-concurrent", Severity.ERROR, Category.LOCKING,
                "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
                "A plain refresh holds ACCESS EXCLUSIVE on the view while its query runs: every read of the view waits.",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY v;  -- needs a unique index on the view; readers keep the old contents meanwhile",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.RefreshMaterializedView.class);
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.RefreshMaterializedView.class, op -> {
            if (!op.concurrently() && existing(ctx, op.table())) {
                ctx.report(op.table(), "REFRESH MATERIALIZED VIEW " + op.table() + " blocks its readers for the whole refresh", null);
            }
        });
    }
}
