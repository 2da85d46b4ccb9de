package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.Finding;

import java.time.Instant;
import java.util.List;

/**
 * What happened to one migration in a run: the report's row, an immutable value built from the guard's
 * {@link MigrationDraft} when the report is read or written.
 *
 * @param locks     with recordLocks: "schema.table Mode" held just before commit
 * @param rewritten with recordLocks: the relations rewritten
 */
public record MigrationRecord(String version, String description, String script, boolean transactional, Instant started,
                              long durationMillis, Outcome outcome, int attempt, String lockTimeout, String statementTimeout,
                              List<Finding> findings, List<Blocker> blockers, String waitedFor, long maxQueuedMillis,
                              boolean cancelledByWatchdog, String sqlState, String error, List<String> notes,
                              List<String> locks, List<String> rewritten) {

    public enum Outcome { SUCCESS, FAILED, REFUSED }

    public MigrationRecord {
        findings = List.copyOf(findings);
        blockers = List.copyOf(blockers);
        notes = List.copyOf(notes);
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
    }

    public String label() {
        return label(version, description);
    }

    static String label(String version, String description) {
        return (version.isEmpty() ? "repeatable" : "V" + version) + " '" + description + "'";
    }
}
