package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.callbacks.ZdmVetoException;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.ScriptAnalysis;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BEFORE_MIGRATE: server health notes (INVALID indexes, long transactions, lagging replicas) and the refusal of pending
 * CONCURRENTLY migrations that would wait forever for Flyway's own lock transaction.
 */
final class Preflight {

    private static final ZdmLog LOG = ZdmLog.get(Preflight.class);

    private final ZdmSettings settings;
    private final Configuration config;
    private final ScriptSource scripts;
    private final ScriptLint lint;
    private final RunReport report;
    private final Set<String> knownInvalidIndexes;

    Preflight(ZdmSettings settings, Configuration config, ScriptSource scripts, ScriptLint lint, RunReport report, Set<String> knownInvalidIndexes) {
        this.settings = settings;
        this.config = config;
        this.scripts = scripts;
        this.lint = lint;
        this.report = report;
        this.knownInvalidIndexes = knownInvalidIndexes;
    }

    void run(Connection c) {
        try {
            LOG.info("flyway-zdm: PostgreSQL {}; {}", CatalogChecks.serverVersion(c), settings);
            List<CatalogChecks.InvalidIndex> invalid = CatalogChecks.invalidIndexes(c);
            for (CatalogChecks.InvalidIndex i : invalid) {
                knownInvalidIndexes.add(i.index());
                note("INVALID index " + i.index() + " on " + i.table() + " (left by a failed concurrent build?). Fix: " + i.fix());
            }
            for (Blocker b : CatalogChecks.longTransactions(c, settings.longTransactionWarning(), Set.of())) {
                if (b.applicationName().startsWith("Flyway") || b.applicationName().startsWith("flyway-zdm")) {
                    continue;
                }
                note("Long-running transaction will block DDL: " + b.describe());
            }
            for (CatalogChecks.Lag lag : CatalogChecks.laggingReplicas(c, settings.replicaLagWarning())) {
                note("Replica " + lag.name() + " (" + lag.address() + ") lags " + lag.lagMillis() + " ms behind");
            }
        } catch (SQLException e) {
            LOG.warn("flyway-zdm: preflight checks skipped: {}", e.getMessage());
        }
        checkPendingConcurrently();
    }

    private void note(String text) {
        LOG.warn("flyway-zdm preflight: {}", text);
        report.preflight(text);
    }

    private void checkPendingConcurrently() {
        if (!transactionalLock(config)) {
            return; // nothing can hang; REINDEX/DETACH ... CONCURRENTLY in a transaction is refused per migration
        }
        MigrationInfo[] pending;
        try {
            pending = Flyway.configure(config.getClassLoader()).configuration(config).load().info().pending();
        } catch (RuntimeException e) {
            LOG.debug("flyway-zdm: could not list pending migrations: {}", e.getMessage());
            return;
        }
        List<String> hanging = new ArrayList<>();
        List<String> undetected = new ArrayList<>();
        for (MigrationInfo m : pending) {
            if (!scripts.isSql(m)) {
                continue;
            }
            ScriptAnalysis text;
            try {
                text = lint.read(m.getScript(), scripts.raw(m).orElse(""), scripts.executeInTransaction(m).orElse(null));
            } catch (LintException e) {
                continue; // a bad zdm: directive: the migration itself is refused with file:line when its turn comes
            }
            if (text.usesConcurrently()) {
                hanging.add(m.getScript());
            }
            if (text.usesUndetectedConcurrently() && !text.executeInTransaction().equals(Optional.of(false))) {
                undetected.add(m.getScript());
            }
        }
        if (!undetected.isEmpty()) {
            note("REINDEX/DETACH PARTITION ... CONCURRENTLY in " + String.join(", ", undetected) + " runs inside a transaction "
                    + "unless the script has a .sql.conf sidecar with executeInTransaction=false; it will fail with "
                    + "SQLSTATE 25001. Add the sidecar.");
        }
        if (!hanging.isEmpty() && transactionalLock(config) && settings.mode() == ZdmSettings.Mode.ENFORCE) {
            throw new ZdmVetoException("flyway-zdm refused to migrate: pending migration(s) " + String.join(", ", hanging)
                    + " use CONCURRENTLY while flyway.postgresql.transactional.lock=true. Flyway would hold its lock in an "
                    + "open transaction on another session and the concurrent build waits for every older transaction, "
                    + "so it would hang forever. Fix: set " + settings.frontEnd().transactionalLockOff()
                    + ". Nothing was applied.");
        }
    }

    /** Flyway's flyway.postgresql.transactional.lock (true, its default, when it cannot be read). */
    static boolean transactionalLock(Configuration config) {
        try {
            PostgreSQLConfigurationExtension ext = config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class);
            return ext == null || ext.isTransactionalLock();
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }
}
