package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** One UPDATE/DELETE over an existing table locks every row it touches until the migration commits. */
public final class UnbatchedDataChange extends BaseRule {

    public UnbatchedDataChange() {
        super("unbatched-data-change", Severity.WARNING, Category.LOCKING,
                "UPDATE or DELETE of an existing table inside a migration",
                "A single UPDATE/DELETE locks every row it changes until the migration's transaction commits (a DO loop is "
                        + "no better: it runs in one transaction too). Writers to those rows wait, the transaction grows, "
                        + "and replicas lag.",
                "Write a Java migration extending io.github.flywayzdm.backfill's base class: keyset batches in short "
                        + "transactions, throttled, resumable after a crash.",
                "");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.Update.class, op -> {
            if (existing(ctx, op.table())) {
                ctx.report(op.table(), "UPDATE of " + op.table() + (op.hasWhere() ? "" : " (every row)")
                        + " runs as one transaction: each changed row stays locked until the migration commits", null);
            }
        });
        each(ctx, Operation.Delete.class, op -> {
            if (existing(ctx, op.table())) {
                ctx.report(op.table(), "DELETE from " + op.table() + (op.hasWhere() ? "" : " (every row)")
                        + " runs as one transaction: each deleted row stays locked until the migration commits", null);
            }
        });
    }
}
