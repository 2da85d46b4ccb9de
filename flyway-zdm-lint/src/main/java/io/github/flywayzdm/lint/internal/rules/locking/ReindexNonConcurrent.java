package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** REINDEX without CONCURRENTLY blocks writes, and reads that would use the index. */
final class ReindexNonConcurrent extends OperationRule<Operation.Reindex> {

    ReindexNonConcurrent() {
        super(Operation.Reindex.class, "reindex-non-concurrent", Severity.ERROR, Category.LOCKING,
                "REINDEX without CONCURRENTLY",
                "REINDEX takes SHARE on the table (writes wait) and ACCESS EXCLUSIVE on each index (queries that would "
                        + "use it wait) for the whole rebuild.",
                "REINDEX INDEX CONCURRENTLY idx;  -- own migration with executeInTransaction=false (Flyway does not "
                        + "detect REINDEX CONCURRENTLY as non-transactional by itself)",
                "CONCURRENTLY exists since PostgreSQL 12 (PostgreSQL 12 release notes: 'Add REINDEX CONCURRENTLY option'); "
                        + "targeting 10 or 11, REINDEX CONCURRENTLY is reported as a syntax error and the alternative is CREATE INDEX "
                        + "CONCURRENTLY of a copy, then DROP INDEX CONCURRENTLY of the old one. REINDEX SYSTEM cannot run concurrently. The option-list form REINDEX (CONCURRENTLY) exists from PostgreSQL 14: "
                        + "targeting 12 or 13 it is reported as the syntax error it is there.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.Reindex r) {
        if (ctx.pgMajor() < 12) {
            ctx.report(null, r.concurrently() ? "REINDEX CONCURRENTLY does not exist before PostgreSQL 12: the migration fails "
                    + "with a syntax error" : "REINDEX " + r.kind() + (r.target() == null ? "" : " " + r.target())
                    + " blocks writes for the whole rebuild (and REINDEX CONCURRENTLY needs PostgreSQL 12)",
                    "CREATE INDEX CONCURRENTLY idx_new ON t (...);  -- own non-transactional migration\n"
                            + "DROP INDEX CONCURRENTLY idx;\nALTER INDEX idx_new RENAME TO idx;");
            return;
        }
        if (r.concurrentOption() && ctx.pgMajor() < 14) {
            ctx.report(null, "REINDEX (CONCURRENTLY ...) is a syntax error before PostgreSQL 14 (the option list takes only "
                    + "VERBOSE there): the migration fails", "REINDEX " + r.kind() + (r.concurrently() ? " CONCURRENTLY " : " ")
                    + (r.target() == null ? "" : r.target()) + ";");
            return;
        }
        if (!r.concurrently() && !r.kind().equals("SYSTEM") && (r.target() == null || existing(ctx, r.target()))) {
            ctx.report(r.kind().equals("TABLE") ? r.target() : null, "REINDEX " + r.kind()
                    + (r.target() == null ? "" : " " + r.target()) + " blocks writes for the whole rebuild",
                    "REINDEX " + r.kind() + " CONCURRENTLY " + (r.target() == null ? "" : r.target()) + ";");
        }
    }
}
