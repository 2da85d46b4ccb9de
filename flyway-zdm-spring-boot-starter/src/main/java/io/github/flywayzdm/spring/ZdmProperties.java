package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.FrontEnd;
import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.lint.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code zdm.*}: the flyway-zdm settings for Spring Boot's Flyway. Unset values keep the library defaults. */
@ConfigurationProperties(prefix = "zdm")
public class ZdmProperties {

    /** Whether to add the flyway-zdm callback to Spring Boot's Flyway. */
    private boolean enabled = true;
    /** enforce (refuse unsafe migrations, the default), warn, or off. */
    private ZdmSettings.Mode mode;
    /** Lowest finding severity that refuses (enforce) or warns (warn); default error. */
    private Severity failOn;
    /** lock_timeout before each migration (default 3s; 0 leaves the server's value). */
    private Duration lockTimeout;
    /** statement_timeout before each migration (default: leave the server's value). */
    private Duration statementTimeout;
    /** Tables with at most this many rows get blocking-operation findings as info (default 10000). */
    private Long smallTableRows;
    /** Cancel a migration that keeps other sessions queued behind its locks longer than this (default off). */
    private Duration watchdog;
    /** Preflight: warn about transactions open longer than this (default 1min). */
    private Duration longTransactionWarning;
    /** Preflight: warn about replicas lagging more than this (default 30s). */
    private Duration replicaLagWarning;
    /** ANALYZE the tables a successful migration changed. */
    private boolean analyze;
    /** Record in the report the locks each transactional migration held and what it rewrote (test databases). */
    private boolean recordLocks;
    /** Directory for zdm-report.json and zdm-report.html. */
    private Path reportDirectory;
    /** Rule ids to switch off, e.g. json-column. */
    private List<String> disableRules = new ArrayList<>();
    /** Per-rule severity overrides, e.g. zdm.severity.json-column=error. */
    private Map<String, Severity> severity = new LinkedHashMap<>();
    private final Retry retry = new Retry();

    /** Retry of migrations that failed on a lock timeout (SQLSTATE 55P03). */
    public static class Retry {
        /** Total attempts; 1 = no retry. */
        private int attempts = 1;
        /** Wait before the first retry; doubled for each further one. */
        private Duration initialBackoff = Duration.ofSeconds(1);
        /** Longest wait between two attempts. */
        private Duration maxBackoff = Duration.ofSeconds(30);

        public int getAttempts() { return attempts; }
        public void setAttempts(int attempts) { this.attempts = attempts; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    }

    /** The library settings these properties describe. */
    public ZdmSettings toSettings() {
        ZdmSettings.Builder b = ZdmSettings.builder().frontEnd(FrontEnd.SPRING_BOOT);
        if (mode != null) { b.mode(mode); }
        if (failOn != null) { b.failOn(failOn); }
        if (lockTimeout != null) { b.lockTimeout(lockTimeout); }
        if (statementTimeout != null) { b.statementTimeout(statementTimeout); }
        if (smallTableRows != null) { b.smallTableRows(smallTableRows); }
        if (watchdog != null) { b.watchdogLimit(watchdog); }
        if (longTransactionWarning != null) { b.longTransactionWarning(longTransactionWarning); }
        if (replicaLagWarning != null) { b.replicaLagWarning(replicaLagWarning); }
        if (reportDirectory != null) { b.reportDirectory(reportDirectory); }
        b.analyzeAfterMigration(analyze).recordLocks(recordLocks);
        disableRules.forEach(b::disableRule);
        severity.forEach(b::severity);
        return b.build();
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public ZdmSettings.Mode getMode() { return mode; }
    public void setMode(ZdmSettings.Mode mode) { this.mode = mode; }
    public Severity getFailOn() { return failOn; }
    public void setFailOn(Severity failOn) { this.failOn = failOn; }
    public Duration getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(Duration lockTimeout) { this.lockTimeout = lockTimeout; }
    public Duration getStatementTimeout() { return statementTimeout; }
    public void setStatementTimeout(Duration statementTimeout) { this.statementTimeout = statementTimeout; }
    public Long getSmallTableRows() { return smallTableRows; }
    public void setSmallTableRows(Long smallTableRows) { this.smallTableRows = smallTableRows; }
    public Duration getWatchdog() { return watchdog; }
    public void setWatchdog(Duration watchdog) { this.watchdog = watchdog; }
    public Duration getLongTransactionWarning() { return longTransactionWarning; }
    public void setLongTransactionWarning(Duration value) { this.longTransactionWarning = value; }
    public Duration getReplicaLagWarning() { return replicaLagWarning; }
    public void setReplicaLagWarning(Duration value) { this.replicaLagWarning = value; }
    public boolean isAnalyze() { return analyze; }
    public void setAnalyze(boolean analyze) { this.analyze = analyze; }
    public boolean isRecordLocks() { return recordLocks; }
    public void setRecordLocks(boolean recordLocks) { this.recordLocks = recordLocks; }
    public Path getReportDirectory() { return reportDirectory; }
    public void setReportDirectory(Path reportDirectory) { this.reportDirectory = reportDirectory; }
    public List<String> getDisableRules() { return disableRules; }
    public void setDisableRules(List<String> disableRules) { this.disableRules = disableRules; }
    public Map<String, Severity> getSeverity() { return severity; }
    public void setSeverity(Map<String, Severity> severity) { this.severity = severity; }
    public Retry getRetry() { return retry; }
}
