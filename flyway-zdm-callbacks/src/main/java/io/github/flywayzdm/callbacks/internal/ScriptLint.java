package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.callbacks.ZdmVetoException;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.LintSession;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.ScriptAnalysis;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** BEFORE_EACH_MIGRATE's veto: lints the script with live table sizes and keys and the schema earlier migrations built. */
final class ScriptLint {

    private static final ZdmLog LOG = ZdmLog.get(ScriptLint.class);

    private final ZdmSettings settings;
    private final Configuration config;
    private final ScriptSource scripts;
    private final MigrationSearchPath searchPath;
    private final LiveTableSizes sizes;
    private final LiveTableKeys keys;
    private final Linter linter;
    private LintSession session;
    /** The script {@link #read} just read, for {@link #check} of the same text. */
    private MigrationScript pending;
    private String pendingSql;

    ScriptLint(ZdmSettings settings, Configuration config, ScriptSource scripts, MigrationSearchPath searchPath,
               LiveTableSizes sizes, LiveTableKeys keys, int serverMajor) {
        this.settings = settings;
        this.config = config;
        this.scripts = scripts;
        this.searchPath = searchPath;
        this.sizes = sizes;
        this.keys = keys;
        LintConfig.Builder lint = LintConfig.builder()
                .pgMajor(judgedMajor(serverMajor))
                .failOn(settings.failOn())
                .lockTimeoutByRunner(!settings.lockTimeout().isZero())
                .flywayMixed(config.isMixed())
                .tableSizes(sizes, settings.smallTableRows())
                .tableKeys(keys);
        settings.disabledRules().forEach(lint::disable);
        settings.severities().forEach(lint::severity);
        this.linter = Linter.of(lint.build());
    }

    /**
     * The major the linter judges as: the server's own when the linter knows it ({@link LintConfig#OLDEST_PG_MAJOR}
     * to {@link LintConfig#NEWEST_PG_MAJOR}); else the nearest it knows, said once in the log, since verdicts that
     * depend on the version (what rewrites, what exists) may then be off.
     */
    static int judgedMajor(int serverMajor) {
        if (serverMajor > LintConfig.NEWEST_PG_MAJOR) {
            LOG.warn("flyway-zdm: PostgreSQL {} is newer than the linter knows; migrations are judged as on {}", serverMajor,
                    LintConfig.NEWEST_PG_MAJOR);
            return LintConfig.NEWEST_PG_MAJOR;
        }
        if (serverMajor < LintConfig.OLDEST_PG_MAJOR) {
            LOG.warn("flyway-zdm: PostgreSQL {} is older than the linter knows; migrations are judged as on {}", serverMajor,
                    LintConfig.OLDEST_PG_MAJOR);
            return LintConfig.OLDEST_PG_MAJOR;
        }
        return serverMajor;
    }

    /**
     * The lint session of this run, seeded once with the SQL migrations before {@code first}, so each migration is
     * judged with the schema the earlier ones built (a CHECK validated last release, the type a column had).
     */
    private LintSession session(Connection c, MigrationInfo first, Map<String, String> builtIns) {
        if (session != null) {
            return session;
        }
        session = linter.newSession();
        try {
            for (String script : AppliedScripts.before(c, config, first.getVersion())) {
                scripts.substituted(script, builtIns).ifPresent(sql -> session.replay(new MigrationScript(script, sql, null)));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("flyway-zdm: earlier migrations not available as lint context: {}", e.getMessage());
        }
        return session;
    }

    /**
     * The linter's one reading of a script: statements, CONCURRENTLY, the relations it changes, its zdm: directives.
     *
     * @throws io.github.flywayzdm.lint.LintException with file:line when a zdm: directive's value is not a duration
     */
    ScriptAnalysis read(String script, String sql, Boolean executeInTransaction) {
        return linter.analyze(new MigrationScript(script, sql, executeInTransaction));
    }

    /** {@link #read} of the migration about to run, kept for its {@link #check}: the script is read once. */
    ScriptAnalysis readNext(Connection c, MigrationInfo info, String sql, Boolean executeInTransaction, Map<String, String> builtIns) {
        pending = new MigrationScript(info.getScript(), sql, executeInTransaction);
        pendingSql = sql;
        return session(c, info, builtIns).analyze(pending); // the check that follows reuses this reading
    }

    /** Lints {@code sql} into {@code current}; in mode enforce, findings at or above failOn refuse it (thrown). */
    void check(Connection c, MigrationInfo info, String sql, MigrationDraft current, Map<String, String> builtIns) {
        searchPath.follow(c);
        sizes.clear();
        keys.clear();
        MigrationScript script = pending != null && pendingSql == sql && Boolean.valueOf(current.transactional).equals(pending.executeInTransaction())
                ? pending : new MigrationScript(info.getScript(), sql, current.transactional);
        pending = null;
        pendingSql = null;
        LintReport lr = session(c, info, builtIns).lint(script);
        current.findings.addAll(lr.findings());
        List<Finding> failures = lr.failures();
        for (Finding f : lr.active()) {
            if (!failures.contains(f)) {
                LOG.info("flyway-zdm: {}:{} {} ({}): {}", f.file(), f.line(), f.ruleId(), f.severity().name().toLowerCase(),
                        f.message());
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        boolean enforce = settings.mode() == ZdmSettings.Mode.ENFORCE;
        String text = describe(current, failures, enforce);
        if (enforce) {
            current.outcome = MigrationRecord.Outcome.REFUSED;
            current.error = text;
            throw new ZdmVetoException(text); // not logged as well: Flyway prints the exception (print once)
        }
        LOG.warn("{}", text);
    }

    String describe(MigrationDraft r, List<Finding> failures, boolean enforce) {
        StringBuilder sb = new StringBuilder(enforce ? "flyway-zdm refused migration " : "flyway-zdm (mode warn) runs ").append(r.label()).append(" (")
                .append(r.script).append("): ").append(failures.size())
                .append(failures.size() == 1 ? " finding" : " findings").append(" at or above the threshold");
        for (Finding f : failures) {
            sb.append("\n  ").append(f.file()).append(':').append(f.line()).append(" [").append(f.ruleId()).append(", ")
                    .append(f.severity().name().toLowerCase()).append("] ").append(f.message());
            if (!f.why().isBlank()) {
                sb.append("\n    why: ").append(f.why().strip().replace("\n", "\n         "));
            }
            if (!f.safeAlternative().isBlank()) {
                sb.append("\n    instead: ").append(f.safeAlternative().strip().replace("\n", "\n             "));
            }
        }
        if (enforce) {
            sb.append("\nNo history row was written: fix the migration and run migrate again, suppress a reviewed "
                    + "statement with `-- zdm:ignore <rule-id>: <reason>`, or set " + settings.frontEnd().warnMode() + ".");
        }
        return sb.toString();
    }
}
