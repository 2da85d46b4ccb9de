package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.DurationFormat;
import io.github.flywayzdm.lint.Durations;
import io.github.flywayzdm.lint.Severity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the flyway-zdm callback does at migrate time. Immutable; build with {@link #builder()}, or read from Flyway's
 * configuration ({@code flyway.zdm.*}, env {@code FLYWAY_ZDM_*}) through {@link #fromMap(Map)}.
 */
public final class ZdmSettings {

    /** What happens to a migration whose lint findings reach {@link #failOn()}. */
    public enum Mode {
        /** Refuse the migration before it runs (no history row is written). */
        ENFORCE,
        /** Log the findings as warnings and run the migration. */
        WARN,
        /** Do nothing at all: no lint, no lock guards, no monitoring. */
        OFF;

        public static Mode parse(String raw) {
            String s = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            return switch (s) {
                case "ENFORCE" -> ENFORCE;
                case "WARN", "WARNING" -> WARN;
                case "OFF", "DISABLED", "NONE" -> OFF;
                default -> throw new IllegalArgumentException("Unknown flyway.zdm.mode '" + raw + "': use enforce, warn or off");
            };
        }
    }

    private final Mode mode;
    private final Severity failOn;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final long smallTableRows;
    private final Duration watchdogLimit;
    private final Duration longTransactionWarning;
    private final Duration replicaLagWarning;
    private final boolean analyzeAfterMigration;
    private final boolean recordLocks;
    private final Path reportDirectory;
    private final Set<String> disabledRules;
    private final Map<String, Severity> severities;
    private final FrontEnd frontEnd;

    private ZdmSettings(Builder b) {
        this.mode = b.mode;
        this.failOn = b.failOn;
        this.lockTimeout = b.lockTimeout;
        this.statementTimeout = b.statementTimeout;
        this.smallTableRows = b.smallTableRows;
        this.watchdogLimit = b.watchdogLimit;
        this.longTransactionWarning = b.longTransactionWarning;
        this.replicaLagWarning = b.replicaLagWarning;
        this.analyzeAfterMigration = b.analyzeAfterMigration;
        this.recordLocks = b.recordLocks;
        this.reportDirectory = b.reportDirectory;
        this.disabledRules = Set.copyOf(b.disabledRules);
        this.severities = Map.copyOf(b.severities);
        this.frontEnd = b.frontEnd;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ZdmSettings defaults() {
        return builder().build();
    }

    /**
     * Reads settings from keys without the {@code flyway.zdm.} prefix: mode, failOn, lockTimeout, statementTimeout,
     * smallTableRows, watchdog, longTransactionWarning, replicaLagWarning, analyze, recordLocks,
     * reportDirectory, disableRules (comma separated), severity.&lt;rule-id&gt;. Keys are case-insensitive; blank values are ignored.
     *
     * @throws IllegalArgumentException naming the key when a value is invalid
     */
    public static ZdmSettings fromMap(Map<String, String> values) {
        Builder b = builder().frontEnd(FrontEnd.FLYWAY_CONFIG);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (value.isEmpty()) {
                continue;
            }
            try {
                apply(b, key, value);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("flyway.zdm." + key + ": " + ex.getMessage(), ex);
            }
        }
        return b.build();
    }

    private static void apply(Builder b, String key, String value) {
        String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (k.startsWith("severity.")) {
            b.severity(key.substring("severity.".length()), Severity.parse(value));
            return;
        }
        switch (k) {
            case "mode" -> b.mode(Mode.parse(value));
            case "failon" -> b.failOn(Severity.parse(value));
            case "locktimeout" -> b.lockTimeout(Durations.parse(value));
            case "statementtimeout" -> b.statementTimeout(Durations.parse(value));
            case "smalltablerows" -> b.smallTableRows(parseLong(value));
            case "watchdog", "watchdoglimit" -> b.watchdogLimit(Durations.parse(value));
            case "longtransactionwarning" -> b.longTransactionWarning(Durations.parse(value));
            case "replicalagwarning" -> b.replicaLagWarning(Durations.parse(value));
            case "analyze", "analyzeaftermigration" -> b.analyzeAfterMigration(parseBoolean(value));
            case "recordlocks" -> b.recordLocks(parseBoolean(value));
            case "reportdirectory", "reportdir" -> b.reportDirectory(Path.of(value));
            case "disablerules", "disable" -> {
                for (String id : value.split(",")) {
                    if (!id.isBlank()) {
                        b.disableRule(id.trim());
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown setting (known: mode, failOn, lockTimeout, "
                    + "statementTimeout, smallTableRows, watchdog, longTransactionWarning, replicaLagWarning, analyze, "
                    + "recordLocks, reportDirectory, disableRules, severity.<rule-id>)");
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + value + "'");
        };
    }

    public Mode mode() {
        return mode;
    }

    /** Findings at or above this severity refuse the migration (enforce) or are logged as warnings (warn). */
    public Severity failOn() {
        return failOn;
    }

    /** lock_timeout applied before each migration (default 3s); zero leaves the server's value alone. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** statement_timeout applied before each migration; zero (default) leaves the server's value alone. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** Tables with at most this many rows (live estimate) get blocking-operation findings as info. */
    public long smallTableRows() {
        return smallTableRows;
    }

    /** Cancel a migration that keeps other sessions queued behind its locks longer than this; empty = never. */
    public Optional<Duration> watchdogLimit() {
        return watchdogLimit.isZero() ? Optional.empty() : Optional.of(watchdogLimit);
    }

    public Duration longTransactionWarning() {
        return longTransactionWarning;
    }

    public Duration replicaLagWarning() {
        return replicaLagWarning;
    }

    public boolean analyzeAfterMigration() {
        return analyzeAfterMigration;
    }

    /** Record in the report the locks each transactional migration held and the relations it rewrote (test databases). */
    public boolean recordLocks() {
        return recordLocks;
    }

    /** Where zdm-report.json and zdm-report.html are written after migrate; empty = log only. */
    public Optional<Path> reportDirectory() {
        return Optional.ofNullable(reportDirectory);
    }

    public Set<String> disabledRules() {
        return disabledRules;
    }

    public Map<String, Severity> severities() {
        return severities;
    }

    /** Where these settings came from; hints in messages name the setting of that front end. */
    public FrontEnd frontEnd() {
        return frontEnd;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.failOn = failOn;
        b.lockTimeout = lockTimeout;
        b.statementTimeout = statementTimeout;
        b.smallTableRows = smallTableRows;
        b.watchdogLimit = watchdogLimit;
        b.longTransactionWarning = longTransactionWarning;
        b.replicaLagWarning = replicaLagWarning;
        b.analyzeAfterMigration = analyzeAfterMigration;
        b.recordLocks = recordLocks;
        b.reportDirectory = reportDirectory;
        b.disabledRules.addAll(disabledRules);
        b.severities.putAll(severities);
        b.frontEnd = frontEnd;
        return b;
    }

    @Override
    public String toString() {
        // the timeouts as the summary shows them (PostgreSQL's names, 0 = the session's own value)
        return "mode=" + mode.name().toLowerCase(Locale.ROOT) + ", failOn=" + failOn.name().toLowerCase(Locale.ROOT)
                + ", lock_timeout=" + DurationFormat.format(lockTimeout) + ", statement_timeout=" + DurationFormat.format(statementTimeout)
                + ", smallTableRows=" + smallTableRows + ", watchdog=" + (watchdogLimit.isZero() ? "off" : DurationFormat.format(watchdogLimit))
                + reportDirectory().map(d -> ", reportDirectory=" + d).orElse("");
    }

    public static final class Builder {
        private Mode mode = Mode.ENFORCE;
        private Severity failOn = Severity.ERROR;
        private Duration lockTimeout = Duration.ofSeconds(3);
        private Duration statementTimeout = Duration.ZERO;
        private long smallTableRows = 10_000;
        private Duration watchdogLimit = Duration.ZERO;
        private Duration longTransactionWarning = Duration.ofMinutes(1);
        private Duration replicaLagWarning = Duration.ofSeconds(30);
        private boolean analyzeAfterMigration;
        private boolean recordLocks;
        private Path reportDirectory;
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private FrontEnd frontEnd = FrontEnd.JAVA_API;

        /** Which front end's setting names the messages' hints use (fromMap: FLYWAY_CONFIG; default JAVA_API). */
        public Builder frontEnd(FrontEnd value) {
            this.frontEnd = java.util.Objects.requireNonNull(value);
            return this;
        }

        private Builder() {
        }

        public Builder mode(Mode value) {
            this.mode = Objects.requireNonNull(value);
            return this;
        }

        public Builder failOn(Severity value) {
            this.failOn = Objects.requireNonNull(value);
            return this;
        }

        public Builder lockTimeout(Duration value) {
            this.lockTimeout = nonNegative(value, "lockTimeout");
            return this;
        }

        public Builder statementTimeout(Duration value) {
            this.statementTimeout = nonNegative(value, "statementTimeout");
            return this;
        }

        public Builder smallTableRows(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("smallTableRows must be >= 0, got " + rows);
            }
            this.smallTableRows = rows;
            return this;
        }

        /** Zero disables the watchdog (the default). */
        public Builder watchdogLimit(Duration value) {
            this.watchdogLimit = nonNegative(value, "watchdog");
            return this;
        }

        public Builder longTransactionWarning(Duration value) {
            this.longTransactionWarning = nonNegative(value, "longTransactionWarning");
            return this;
        }

        public Builder replicaLagWarning(Duration value) {
            this.replicaLagWarning = nonNegative(value, "replicaLagWarning");
            return this;
        }

        public Builder analyzeAfterMigration(boolean value) {
            this.analyzeAfterMigration = value;
            return this;
        }

        /**
         * Reads pg_locks and pg_class in each transactional migration just before it commits: its locks and rewrites
         * go into the report. Two catalog reads per migration: for test and embedded databases.
         */
        public Builder recordLocks(boolean value) {
            this.recordLocks = value;
            return this;
        }

        public Builder reportDirectory(Path value) {
            this.reportDirectory = value;
            return this;
        }

        public Builder disableRule(String ruleId) {
            disabledRules.add(Objects.requireNonNull(ruleId));
            return this;
        }

        public Builder severity(String ruleId, Severity severity) {
            severities.put(Objects.requireNonNull(ruleId), Objects.requireNonNull(severity));
            return this;
        }

        public ZdmSettings build() {
            return new ZdmSettings(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
