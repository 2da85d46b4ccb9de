package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.List;
import java.util.Set;

/**
 * Whether Flyway (PostgreSQL) runs a script in one transaction: the {@code .sql.conf} sidecar decides when present;
 * otherwise Flyway's parser switches to autocommit only for the statements it recognizes as non-transactional.
 * It does NOT recognize {@code REINDEX ... CONCURRENTLY} of an index/table nor {@code DETACH PARTITION CONCURRENTLY}:
 * those stay in the transaction and fail at run time, which the concurrently-in-transaction rule reports.
 */
final class FlywayTransactions {

    private static final Set<String> NON_TRANSACTIONAL_KINDS = Set.of("ALTER SYSTEM", "CREATE DATABASE", "DROP DATABASE",
            "CREATE TABLESPACE", "DROP TABLESPACE", "CREATE SUBSCRIPTION", "DROP SUBSCRIPTION", "DISCARD");

    private FlywayTransactions() {
    }

    public static boolean runsInTransaction(MigrationScript script, List<AnalyzedStatement> statements) {
        if (script.executeInTransaction() != null) {
            return script.executeInTransaction();
        }
        return statements.stream().flatMap(s -> s.operations().stream()).noneMatch(FlywayTransactions::flywayDetectsNonTransactional);
    }

    /** The statements Flyway's PostgreSQL parser itself runs outside a transaction. */
    public static boolean flywayDetectsNonTransactional(Operation op) {
        if (op instanceof Operation.CreateIndex i) {
            return i.concurrently();
        }
        if (op instanceof Operation.DropIndex d) {
            return d.concurrently();
        }
        if (op instanceof Operation.Reindex r) {
            return r.kind().equals("SCHEMA") || r.kind().equals("DATABASE") || r.kind().equals("SYSTEM");
        }
        if (op instanceof Operation.Vacuum v) {
            return !v.analyzeOnly();
        }
        return op instanceof Operation.Other o && NON_TRANSACTIONAL_KINDS.contains(o.kind());
    }
}
