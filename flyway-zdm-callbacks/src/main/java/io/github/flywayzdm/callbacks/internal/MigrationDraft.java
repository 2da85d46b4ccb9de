package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One migration's row while the guard fills it in, on Flyway's thread, from BEFORE_EACH_MIGRATE to the deferred
 * ANALYZE after the run; the report holds it from the start (a refused or crashed migration still shows) and reads it
 * only as the {@link MigrationRecord} value {@link #toRecord()} builds.
 */
final class MigrationDraft {

    String version = "";
    String description = "";
    String script = "";
    boolean transactional;
    Instant started = Instant.now();
    long durationMillis;
    MigrationRecord.Outcome outcome = MigrationRecord.Outcome.SUCCESS;
    int attempt = 1;
    String lockTimeout = "";
    String statementTimeout = "";
    final List<Finding> findings = new ArrayList<>();
    final List<Blocker> blockers = new ArrayList<>();
    String waitedFor = "";
    long maxQueuedMillis;
    boolean cancelledByWatchdog;
    String sqlState = "";
    String error = "";
    final List<String> notes = new ArrayList<>();
    final List<String> locks = new ArrayList<>();
    final List<String> rewritten = new ArrayList<>();

    String label() {
        return MigrationRecord.label(version, description);
    }

    MigrationRecord toRecord() {
        return new MigrationRecord(version, description, script, transactional, started, durationMillis, outcome, attempt,
                lockTimeout, statementTimeout, findings, blockers, waitedFor, maxQueuedMillis, cancelledByWatchdog, sqlState,
                error, notes, locks, rewritten);
    }
}
