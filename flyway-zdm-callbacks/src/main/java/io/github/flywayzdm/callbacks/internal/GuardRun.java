package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.callbacks.ZdmVetoException;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.ScriptAnalysis;
import io.github.flywayzdm.lint.Severity;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One {@code migrate} as the callback sees it: the monitor session, the linter, the per-migration guard, the report. */
public final class GuardRun implements AutoCloseable {

    private static final ZdmLog LOG = ZdmLog.get(GuardRun.class);

    private final ZdmSettings settings;
    private final Configuration config;
    private final ScriptSource scripts;
    private final RunReport report = new RunReport();
    private final SessionMonitor monitor;
    private final ScriptLint lint;
    private final Set<String> knownInvalidIndexes = new HashSet<>();
    private final int attempt;
    private Map<String, String> builtIns;
    private final String[] monitorSettings;

    private MigrationDraft current;
    private final LockGuard guard;
    /** Only Flyway and flyway-zdm run on the migration's session between two migrations (no other callback). */
    private final boolean onlyFlywayBetween;
    /** The last migration was read completely and runs no user code and no SET: its session settings still hold. */
    private boolean lastRanOnlyBuiltInCode;
    private final DeferredAnalyze analyze = new DeferredAnalyze();
    private SessionMonitor.Watch watch;
    private LockRecorder recorder;
    /** The linter's one reading of the current SQL migration (null for a Java migration or an unreadable script). */
    private ScriptAnalysis currentText;
    private long currentStartNanos;

    public GuardRun(ZdmSettings settings, Configuration config, int attempt) throws SQLException {
        this.settings = settings;
        this.config = config;
        this.attempt = attempt;
        this.scripts = new ScriptSource(config);
        this.guard = new LockGuard(AppliedScripts.configuredSchema(config), config.getTable());
        this.onlyFlywayBetween = BetweenMigrations.onlyFlyway(config);
        Connection c = config.getDataSource().getConnection();
        c.setAutoCommit(true);
        // a pooled connection goes back to the application: remember what to put back (see close())
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('application_name'), "
                + "current_setting('statement_timeout'), set_config('application_name', 'flyway-zdm monitor', false), "
                + "set_config('statement_timeout', '5s', false)")) {
            rs.next();
            this.monitorSettings = new String[] {rs.getString(1), rs.getString(2)};
        }
        Duration lock = settings.lockTimeout();
        long pollMs = lock.isZero() ? 200 : Math.max(20, Math.min(200, lock.toMillis() / 3));
        Optional<Duration> wd = settings.watchdogLimit();
        if (wd.isPresent()) {
            pollMs = Math.max(20, Math.min(pollMs, wd.get().toMillis() / 3));
        }
        this.monitor = new SessionMonitor(c, Duration.ofMillis(pollMs));
        MigrationSearchPath searchPath = new MigrationSearchPath();
        this.lint = new ScriptLint(settings, config, scripts, searchPath, new LiveTableSizes(monitor::connection, searchPath),
                new LiveTableKeys(monitor::connection, searchPath), CatalogChecks.serverMajor(c));
        report.server(CatalogChecks.serverVersion(c), settings.toString());
    }

    public RunReport report() {
        return report;
    }

    // ---------------------------------------------------------------- BEFORE_MIGRATE

    public void preflight() {
        new Preflight(settings, config, scripts, lint, report, knownInvalidIndexes).run(monitor.connection());
    }

    // ---------------------------------------------------------------- BEFORE_EACH_MIGRATE

    public void beforeEach(Context ctx) throws SQLException {
        MigrationInfo info = ctx.getMigrationInfo();
        Connection c = ctx.getConnection();
        current = new MigrationDraft();
        current.version = info.getVersion() == null ? "" : info.getVersion().getVersion();
        current.description = info.getDescription() == null ? "" : info.getDescription();
        current.script = info.getScript() == null ? "" : info.getScript();
        current.transactional = !c.getAutoCommit();
        current.attempt = attempt;
        current.started = Instant.now();
        currentStartNanos = System.nanoTime();
        report.add(current);
        currentText = null;

        if (scripts.isSql(info)) {
            if (builtIns == null) {
                builtIns = scripts.builtIns(config.getUser(), c.getCatalog());
            }
            Optional<String> sql = scripts.substituted(info, builtIns);
            if (sql.isEmpty()) {
                // a script the guard cannot read is a script it cannot check: never let it through silently
                String why = "cannot read " + info.getScript() + " through the configured locations (a custom resource "
                        + "provider, or not valid in the configured encoding?), so it cannot be checked";
                if (settings.mode() == ZdmSettings.Mode.ENFORCE) {
                    refuse(why + ". Fix: make it readable through flyway.locations / flyway.encoding, or set "
                            + settings.frontEnd().warnMode() + " to run it unchecked.");
                }
                LOG.warn("flyway-zdm: {}; it runs unchecked (mode warn)", why);
            } else {
                try {
                    currentText = lint.readNext(c, info, sql.get(), current.transactional, builtIns);
                } catch (LintException e) {
                    refuse(e.getMessage()); // a zdm: directive that is not a duration, with file:line
                }
                lint.check(c, info, sql.get(), current, builtIns);
            }
        }
        if (currentText != null && !current.transactional && currentText.usesConcurrently() && Preflight.transactionalLock(config)
                && settings.mode() == ZdmSettings.Mode.ENFORCE) {
            refuse("it uses CONCURRENTLY while flyway.postgresql.transactional.lock=true, so it would wait forever for "
                    + "Flyway's own lock transaction. Fix: set " + settings.frontEnd().transactionalLockOff() + ".");
        }
        if (currentText != null && current.transactional && currentText.usesUndetectedConcurrently()
                && settings.mode() == ZdmSettings.Mode.ENFORCE) {
            refuse("REINDEX/DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction (SQLSTATE 25001) and "
                    + "Flyway does not detect it. Fix: add " + current.script + ".conf with executeInTransaction=false.");
        }
        Optional<ScriptAnalysis> reading = Optional.ofNullable(currentText);
        Duration lock = reading.flatMap(ScriptAnalysis::lockTimeout).orElse(settings.lockTimeout());
        Duration statement = reading.flatMap(ScriptAnalysis::statementTimeout).orElse(settings.statementTimeout());
        LockGuard.Applied applied = guard.apply(c, lock, statement, lastRanOnlyBuiltInCode);
        lastRanOnlyBuiltInCode = false; // until this migration has succeeded
        current.lockTimeout = applied.lockTimeout();
        current.statementTimeout = applied.statementTimeout();
        watch = monitor.start(applied.backendPid(), settings.watchdogLimit());
        if (settings.recordLocks()) {
            recorder = current.transactional ? LockRecorder.begin(c) : null;
            if (!current.transactional) {
                current.notes.add("locks not recorded: a non-transactional migration releases them after each statement "
                        + "(zdm trace samples them while each statement runs)");
            }
        }
    }

    private void refuse(String message) {
        current.outcome = MigrationRecord.Outcome.REFUSED;
        current.error = "flyway-zdm refused " + current.label() + ": " + message;
        throw new ZdmVetoException(current.error);
    }

    // ---------------------------------------------------------------- statement error, AFTER_EACH_MIGRATE(_ERROR)

    public void statementError(Context ctx) {
        if (current != null && ctx.getStatement() != null) {
            ctx.getStatement().getErrors().stream().map(e -> e.getState()).filter(s -> s != null && !s.isEmpty())
                    .findFirst().ifPresent(s -> current.sqlState = s);
        }
    }

    public void afterEach(Context ctx, boolean failed) {
        if (current == null) {
            return;
        }
        monitor.stop(watch);
        current.durationMillis = (System.nanoTime() - currentStartNanos) / 1_000_000;
        if (watch != null) {
            current.blockers.addAll(watch.blockers());
            current.waitedFor = watch.waitedFor();
            current.maxQueuedMillis = watch.maxQueuedMillis();
            current.cancelledByWatchdog = watch.cancelled();
        }
        if (failed && current.outcome != MigrationRecord.Outcome.REFUSED) {
            current.outcome = MigrationRecord.Outcome.FAILED;
            current.error = FailureDiagnosis.describe(current, watch, currentText, ctx.getConnection(), knownInvalidIndexes);
            LOG.error("{}", current.error);
        }
        if (!failed && currentText != null && currentText.mayKeepInvalidIndex()) {
            requireValidIndexes(ctx.getConnection());
        }
        lastRanOnlyBuiltInCode = !failed && onlyFlywayBetween && currentText != null && !currentText.mayRunUserCode()
                && !currentText.changesSessionSettings();
        recordLocks(ctx, failed);
        if (failed && currentText != null && currentText.usesConcurrently()) {
            checkInvalidIndexes(); // only a failed concurrent build or reindex leaves an INVALID index
        }
        if (!failed && settings.analyzeAfterMigration() && currentText != null) {
            analyze.collect(ctx.getConnection(), currentText.changedRelations(), current);
        }
        if (!failed) {
            LOG.info("flyway-zdm: {} done in {} ms (lock_timeout={}, statement_timeout={}{})", current.label(),
                    current.durationMillis, current.lockTimeout, current.statementTimeout,
                    current.maxQueuedMillis > 0 ? ", others queued behind it up to " + current.maxQueuedMillis + " ms" : "");
        }
        current = null;
        watch = null;
    }

    /** Fails the migration (Flyway writes a failed row) when it leaves an index it names INVALID. */
    private void requireValidIndexes(Connection c) {
        List<CatalogChecks.InvalidIndex> invalid;
        try {
            invalid = IndexValidity.invalidAfter(c, currentText, knownInvalidIndexes);
        } catch (SQLException e) {
            LOG.warn("flyway-zdm: could not check that the indexes of {} are valid: {}", current.label(), e.getMessage());
            return;
        }
        if (!invalid.isEmpty()) {
            invalid.forEach(i -> knownInvalidIndexes.add(i.index()));
            current.outcome = MigrationRecord.Outcome.FAILED;
            String message = IndexValidity.leftInvalid(current, invalid);
            current.error = message;
            current = null; // AFTER_EACH_MIGRATE_ERROR follows: this migration is already accounted for
            watch = null;
            throw new ZdmVetoException(message);
        }
    }

    private void recordLocks(Context ctx, boolean failed) {
        if (recorder == null) {
            return;
        }
        try {
            if (!failed) {
                recorder.finish(ctx.getConnection(), config.getTable(), current);
                LOG.info("flyway-zdm: {} holds {}{}", current.label(), current.locks.isEmpty() ? "no relation lock" : String.join(", ", current.locks),
                        current.rewritten.isEmpty() ? "" : "; rewrote " + String.join(", ", current.rewritten));
            }
        } catch (SQLException e) {
            current.notes.add("locks not recorded: " + e.getMessage());
        } finally {
            recorder = null;
        }
    }

    private void checkInvalidIndexes() {
        try {
            for (CatalogChecks.InvalidIndex i : CatalogChecks.invalidIndexes(monitor.connection())) {
                if (knownInvalidIndexes.add(i.index())) {
                    String text = "INVALID index " + i.index() + " on " + i.table() + " left by " + current.label()
                            + ". It slows writes and serves no reads. Fix: " + i.fix();
                    current.notes.add(text);
                    LOG.error("flyway-zdm: {}", text);
                }
            }
        } catch (SQLException e) {
            LOG.debug("flyway-zdm: invalid index check skipped: {}", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- AFTER_MIGRATE(_ERROR)

    public void finish() {
        if (settings.analyzeAfterMigration()) {
            synchronized (monitor.connection()) {
                analyze.run(monitor.connection(), settings.lockTimeout());
            }
        }
        List<String> lines = report.summaryLines();
        if (!lines.isEmpty()) {
            LOG.info("flyway-zdm summary:\n  {}", String.join("\n  ", lines));
        }
        settings.reportDirectory().ifPresent(dir -> {
            try {
                new ReportHistory(dir).write(report);
                LOG.info("flyway-zdm: report written to {}", dir.resolve(ReportHistory.HTML_FILE));
            } catch (java.io.IOException e) {
                LOG.warn("flyway-zdm: could not write the report to {}: {}", dir, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        guard.restore();
        try (PreparedStatement ps = monitor.connection().prepareStatement(
                "SELECT set_config('application_name', ?, false), set_config('statement_timeout', ?, false)")) {
            ps.setString(1, monitorSettings[0]);
            ps.setString(2, monitorSettings[1]);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.debug("flyway-zdm: could not reset the monitor session: {}", e.getMessage());
        }
        monitor.close();
    }

    public Severity failOn() {
        return settings.failOn();
    }
}
