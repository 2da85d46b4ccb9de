package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** Long work (index builds, validations, rewrites, data changes) with no statement_timeout: nothing bounds it. */
final class MissingStatementTimeout extends BaseRule {

    MissingStatementTimeout() {
        super("missing-statement-timeout", Severity.INFO, Category.LOCKING,
                "A migration with long work on an existing table (unbounded data change, refresh, INSERT ... SELECT) sets "
                        + "no statement_timeout (reported once per migration)",
                "Nothing bounds how long a backfill, copy or refresh runs: on a larger table than expected it "
                        + "keeps its locks (and, in a transactional migration, every earlier lock and changed row) for as long as "
                        + "it takes, and the deployment waits with no end in sight.",
                "SET statement_timeout = '15min';  -- at the top, sized for the table (SET LOCAL in a transactional migration); "
                        + "or let the runner set it (callbacks statementTimeout, statement-timeout-by-runner = true)",
                "Index builds and VALIDATE CONSTRAINT are not counted: they let traffic flow, and a statement_timeout "
                        + "cancels CREATE INDEX CONCURRENTLY halfway, leaving an INVALID index behind.");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.config().statementTimeoutByRunner()) {
            return;
        }
        Operation first = ctx.statement().operations().get(0);
        if (!(first instanceof Operation.SetSetting || first instanceof Operation.Update || first instanceof Operation.Delete
                || first instanceof Operation.Insert || first instanceof Operation.RefreshMaterializedView)) {
            return; // nothing this rule reads: skip its state lookup on every other statement
        }
        int[] state = ctx.scriptState(() -> new int[1]); // 0 nothing yet, 1 timeout set, 2 reported
        for (Operation op : ctx.statement().operations()) {
            if (op instanceof Operation.SetSetting s && s.name().equals("statement_timeout")) {
                state[0] = s.value() == null || s.value().equals("0") ? 0 : 1;
            }
        }
        if (state[0] != 0) {
            return;
        }
        String work = longWork(ctx, ctx.statement());
        if (work != null) {
            state[0] = 2;
            ctx.report(null, work + " runs with no statement_timeout: nothing bounds how long it holds its locks", null);
        }
    }

    /**
     * Work whose length grows with the table and that holds row locks or a snapshot while it runs: unbounded data
     * changes, refreshes, INSERT ... SELECT. Index builds and VALIDATE CONSTRAINT are left out on purpose: they are the
     * safe steps other rules recommend, they do not block traffic, and a timeout cancels CREATE INDEX CONCURRENTLY
     * halfway; blocking builds and rewrites are errors already.
     */
    private static String longWork(StatementContext ctx, AnalyzedStatement s) {
        for (Operation op : s.operations()) {
            if (op instanceof Operation.Update u && existing(ctx, u.table()) && !UnbatchedDataChange.bounded(ctx, u.table(), u.where())) {
                return "Updating " + u.table();
            }
            if (op instanceof Operation.Delete d && existing(ctx, d.table()) && !UnbatchedDataChange.bounded(ctx, d.table(), d.where())) {
                return "Deleting from " + d.table();
            }
            if (op instanceof Operation.Insert i && i.fromSelect() && existing(ctx, i.table())) {
                return "Copying rows into " + i.table();
            }
            if (op instanceof Operation.RefreshMaterializedView r && existing(ctx, r.table())) {
                return "Refreshing " + r.table();
            }
        }
        return null;
    }
}
