package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Optional;
import java.util.Set;

/** CONCURRENTLY operations and VACUUM cannot run inside a transaction block: the migration fails (or hangs). */
final class ConcurrentlyInTransaction extends BaseRule {

    ConcurrentlyInTransaction() {
        super("concurrently-in-transaction", Severity.ERROR, Category.TRANSACTION,
                "CONCURRENTLY (or VACUUM) inside a migration Flyway runs in a transaction",
                "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY and VACUUM refuse to "
                        + "run in a transaction block (SQLSTATE 25001). Flyway detects CREATE/DROP INDEX CONCURRENTLY and "
                        + "VACUUM itself, but not REINDEX ... CONCURRENTLY nor DETACH PARTITION ... CONCURRENTLY, and a "
                        + "V<n>__x.sql.conf with executeInTransaction=true forces a transaction.",
                "Give the statement its own migration with a sidecar V<n>__<desc>.sql.conf containing "
                        + "executeInTransaction=false (and run Flyway with flyway.postgresql.transactional.lock=false, or "
                        + "CREATE INDEX CONCURRENTLY waits for Flyway's own lock forever).",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateIndex.class,
                Operation.DropIndex.class,
                Operation.Reindex.class,
                Operation.DetachPartition.class,
                Operation.Vacuum.class);
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.transactional()) {
            return;
        }
        for (Operation op : ctx.statement().operations()) {
            concurrentKind(op).ifPresent(kind -> ctx.report(null, kind + " cannot run inside the transaction Flyway wraps "
                    + "this migration in (error 25001)", null));
        }
    }

    static Optional<String> concurrentKind(Operation op) {
        if (op instanceof Operation.CreateIndex i && i.concurrently()) {
            return Optional.of("CREATE INDEX CONCURRENTLY");
        }
        if (op instanceof Operation.DropIndex d && d.concurrently()) {
            return Optional.of("DROP INDEX CONCURRENTLY");
        }
        if (op instanceof Operation.Reindex r && r.concurrently()) {
            return Optional.of("REINDEX CONCURRENTLY");
        }
        if (op instanceof Operation.DetachPartition d && d.concurrently()) {
            return Optional.of("DETACH PARTITION CONCURRENTLY");
        }
        if (op instanceof Operation.Vacuum v && !v.analyzeOnly()) {
            return Optional.of("VACUUM");
        }
        return Optional.empty();
    }
}
