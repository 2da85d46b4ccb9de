package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What happened to one migration in a run: the report's row. Filled in by the callback, on Flyway's thread. */
public final class MigrationRecord {

    public enum Outcome { SUCCESS, FAILED, REFUSED }

    public String version = "";
    public String description = "";
    public String script = "";
    public boolean transactional;
    public Instant started = Instant.now();
    public long durationMillis;
    public Outcome outcome = Outcome.SUCCESS;
    public int attempt = 1;
    public String lockTimeout = "";
    public String statementTimeout = "";
    public final List<Finding> findings = new ArrayList<>();
    public final List<Blocker> blockers = new ArrayList<>();
    public String waitedFor = "";
    public long maxQueuedMillis;
    public boolean cancelledByWatchdog;
    public String sqlState = "";
    public String error = "";
    public final List<String> notes = new ArrayList<>();
    /** With recordLocks: "schema.table Mode" held just before commit, and the relations rewritten. */
    public final List<String> locks = new ArrayList<>();
    public final List<String> rewritten = new ArrayList<>();

    public String label() {
        return (version.isEmpty() ? "repeatable" : "V" + version) + " '" + description + "'";
    }
}
