package io.github.flywayzdm.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a front end (Maven goal, CLI, migrate-time callback) can tell the linter. Immutable; build with
 * {@link #builder()}. Rule ids are validated by {@link Linter#of(LintConfig)}.
 */
public final class LintConfig {

    /** The oldest PostgreSQL major the linter judges for ({@link Builder#pgMajor}). */
    public static final int OLDEST_PG_MAJOR = 10;
    /** The newest PostgreSQL major the linter knows. */
    public static final int NEWEST_PG_MAJOR = 18;

    /** The PostgreSQL major that verdicts assume unless told otherwise. */
    public static final int DEFAULT_PG_MAJOR = 17;

    private final int pgMajor;
    private final Severity failOn;
    private final Map<String, Severity> severities;
    private final Set<String> disabled;
    private final Map<String, String> placeholders;
    private final String placeholderPrefix;
    private final String placeholderSuffix;
    private final List<String> excludes;
    private final String baselineVersion;
    private final boolean lockTimeoutByRunner;
    private final boolean statementTimeoutByRunner;
    private final boolean flywayMixed;
    private final Severity unparsedSeverity;
    private final TableSizes tableSizes;
    private final long smallTableRows;
    private final TableKeys tableKeys;

    private LintConfig(Builder b) {
        this.pgMajor = b.pgMajor;
        this.failOn = b.failOn;
        this.severities = Map.copyOf(b.severities);
        this.disabled = Set.copyOf(b.disabled);
        this.placeholders = Map.copyOf(b.placeholders);
        this.placeholderPrefix = b.placeholderPrefix;
        this.placeholderSuffix = b.placeholderSuffix;
        this.excludes = List.copyOf(b.excludes);
        this.baselineVersion = b.baselineVersion;
        this.lockTimeoutByRunner = b.lockTimeoutByRunner;
        this.statementTimeoutByRunner = b.statementTimeoutByRunner;
        this.flywayMixed = b.flywayMixed;
        this.unparsedSeverity = b.unparsedSeverity;
        this.tableSizes = b.tableSizes;
        this.smallTableRows = b.smallTableRows;
        this.tableKeys = b.tableKeys;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static LintConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.pgMajor = pgMajor;
        b.failOn = failOn;
        b.severities.putAll(severities);
        b.disabled.addAll(disabled);
        b.placeholders.putAll(placeholders);
        b.placeholderPrefix = placeholderPrefix;
        b.placeholderSuffix = placeholderSuffix;
        b.excludes.addAll(excludes);
        b.baselineVersion = baselineVersion;
        b.lockTimeoutByRunner = lockTimeoutByRunner;
        b.statementTimeoutByRunner = statementTimeoutByRunner;
        b.flywayMixed = flywayMixed;
        b.unparsedSeverity = unparsedSeverity;
        b.tableSizes = tableSizes;
        b.smallTableRows = smallTableRows;
        b.tableKeys = tableKeys;
        return b;
    }

    /** Target PostgreSQL major version (10-18): verdicts change with it. */
    public int pgMajor() {
        return pgMajor;
    }

    /** The lowest severity that fails the build; empty means never fail. */
    public Optional<Severity> failOn() {
        return Optional.ofNullable(failOn);
    }

    /** Per-rule severity overrides. */
    public Map<String, Severity> severities() {
        return severities;
    }

    public Set<String> disabled() {
        return disabled;
    }

    public Map<String, String> placeholders() {
        return placeholders;
    }

    public String placeholderPrefix() {
        return placeholderPrefix;
    }

    public String placeholderSuffix() {
        return placeholderSuffix;
    }

    /** Glob patterns (matched against script paths with forward slashes) of scripts not to lint. */
    public List<String> excludes() {
        return excludes;
    }

    /** When set, only versioned migrations above this version (and repeatables) are linted; earlier ones are only replayed. */
    public Optional<String> baselineVersion() {
        return Optional.ofNullable(baselineVersion);
    }

    /** True when the runner (e.g. the flyway-zdm callbacks) sets lock_timeout before each migration. */
    public boolean lockTimeoutByRunner() {
        return lockTimeoutByRunner;
    }

    /** True when the runner sets a statement_timeout before each migration (the callbacks' statementTimeout setting). */
    public boolean statementTimeoutByRunner() {
        return statementTimeoutByRunner;
    }

    /** Flyway's {@code mixed} setting: transactional and non-transactional statements allowed in one script. */
    public boolean flywayMixed() {
        return flywayMixed;
    }

    /** Severity of {@code unparsed-statement} findings. */
    public Severity unparsedSeverity() {
        return unparsedSeverity;
    }

    public TableSizes tableSizes() {
        return tableSizes;
    }

    /** Live unique keys of tables the migrations did not create ({@link TableKeys#unknown()} unless a runner knows them). */
    public TableKeys tableKeys() {
        return tableKeys;
    }

    /** Tables with at most this many estimated rows get blocking-operation findings as info (0 disables). */
    public long smallTableRows() {
        return smallTableRows;
    }

    /** Effective severity of a rule, or empty when it is disabled. */
    public Optional<Severity> severityOf(RuleInfo rule) {
        if (disabled.contains(rule.id())) {
            return Optional.empty();
        }
        if (rule.id().equals("unparsed-statement") && !severities.containsKey(rule.id())) {
            return Optional.of(unparsedSeverity);
        }
        return Optional.of(severities.getOrDefault(rule.id(), rule.defaultSeverity()));
    }

    public static final class Builder {
        private int pgMajor = DEFAULT_PG_MAJOR;
        private Severity failOn = Severity.ERROR;
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private String placeholderPrefix = "${";
        private String placeholderSuffix = "}";
        private final List<String> excludes = new ArrayList<>();
        private String baselineVersion;
        private boolean lockTimeoutByRunner;
        private boolean statementTimeoutByRunner;
        private boolean flywayMixed;
        private Severity unparsedSeverity = Severity.WARNING;
        private TableSizes tableSizes = TableSizes.unknown();
        private long smallTableRows;
        private TableKeys tableKeys = TableKeys.unknown();

        private Builder() {
        }

        public Builder pgMajor(int major) {
            if (major < OLDEST_PG_MAJOR || major > NEWEST_PG_MAJOR) {
                throw new IllegalArgumentException("Target PostgreSQL version must be " + OLDEST_PG_MAJOR + ".."
                        + NEWEST_PG_MAJOR + ", got " + major);
            }
            this.pgMajor = major;
            return this;
        }

        /** Fail on findings of this severity or higher. */
        public Builder failOn(Severity severity) {
            this.failOn = Objects.requireNonNull(severity);
            return this;
        }

        /** Report only; never fail. */
        public Builder failNever() {
            this.failOn = null;
            return this;
        }

        public Builder severity(String ruleId, Severity severity) {
            severities.put(ruleId, Objects.requireNonNull(severity));
            disabled.remove(ruleId);
            return this;
        }

        public Builder disable(String ruleId) {
            disabled.add(ruleId);
            return this;
        }

        public Builder placeholders(Map<String, String> values) {
            placeholders.putAll(values);
            return this;
        }

        public Builder placeholderDelimiters(String prefix, String suffix) {
            this.placeholderPrefix = Objects.requireNonNull(prefix);
            this.placeholderSuffix = Objects.requireNonNull(suffix);
            return this;
        }

        public Builder exclude(String glob) {
            excludes.add(glob);
            return this;
        }

        public Builder baselineVersion(String version) {
            this.baselineVersion = version;
            return this;
        }

        public Builder lockTimeoutByRunner(boolean value) {
            this.lockTimeoutByRunner = value;
            return this;
        }

        public Builder statementTimeoutByRunner(boolean value) {
            this.statementTimeoutByRunner = value;
            return this;
        }

        public Builder flywayMixed(boolean value) {
            this.flywayMixed = value;
            return this;
        }

        public Builder unparsedSeverity(Severity severity) {
            this.unparsedSeverity = Objects.requireNonNull(severity);
            return this;
        }

        public Builder tableSizes(TableSizes sizes, long smallTableRows) {
            this.tableSizes = Objects.requireNonNull(sizes);
            this.smallTableRows = smallTableRows;
            return this;
        }

        /** The live unique keys (the migrate-time guard reads them from the catalog of the database it migrates). */
        public Builder tableKeys(TableKeys keys) {
            this.tableKeys = Objects.requireNonNull(keys);
            return this;
        }

        public LintConfig build() {
            return new LintConfig(this);
        }
    }
}
