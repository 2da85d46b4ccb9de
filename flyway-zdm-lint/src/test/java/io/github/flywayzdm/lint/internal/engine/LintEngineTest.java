package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Durations;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class LintEngineTest {

    private static final MigrationScript TABLE = MigrationScript.of("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text);");

    private static List<String> rules(LintReport report) {
        return report.active().stream().map(f -> f.ruleId() + "@" + f.file() + ":" + f.line()).toList();
    }

    /** A rule that records what the engine tells it, for assertions on the context. */
    private static final class Probe implements Rule {
        final List<String> seen = new ArrayList<>();

        @Override
        public RuleInfo info() {
            return new RuleInfo("create-index-non-concurrent", Severity.ERROR, Category.LOCKING, "s", "w", "a", "");
        }

        @Override
        public void check(StatementContext ctx) {
            seen.add(ctx.statement().source().sql() + " | tx=" + ctx.transactional() + " lt=" + ctx.lockTimeoutActive()
                    + " new=" + ctx.statement().operations().stream().flatMap(o -> o.tables().stream()).anyMatch(ctx::createdInThisMigration));
        }
    }

    @Test
    void scriptsRunInFlywayOrderWhateverOrderTheyArrive() {
        Probe probe = new Probe();
        List<MigrationScript> scripts = List.of(MigrationScript.of("R__view.sql", "SELECT 'r';"),
                MigrationScript.of("V1_10__b.sql", "SELECT '1.10';"), MigrationScript.of("V2__c.sql", "SELECT '2';"),
                MigrationScript.of("V1_9__a.sql", "SELECT '1.9';"), MigrationScript.of("U2__undo.sql", "SELECT 'undo';"));
        new LintEngine(LintConfig.defaults(), List.of(probe)).run(scripts, s -> true);
        assertThat(probe.seen).extracting(s -> s.substring(0, s.indexOf(" |")))
                .containsExactly("SELECT '1.9'", "SELECT '1.10'", "SELECT '2'", "SELECT 'r'");
    }

    @Test
    void transactionalDetectionFollowsFlywayAndTheSidecar() {
        Probe probe = new Probe();
        new LintEngine(LintConfig.defaults(), List.of(probe)).run(List.of(
                MigrationScript.of("V1__a.sql", "CREATE INDEX CONCURRENTLY i ON t (c);"),
                MigrationScript.of("V2__b.sql", "REINDEX INDEX CONCURRENTLY i;"),
                new MigrationScript("V3__c.sql", "REINDEX INDEX CONCURRENTLY i;", false),
                new MigrationScript("V4__d.sql", "CREATE INDEX CONCURRENTLY i ON t (c);", true)), s -> true);
        assertThat(probe.seen).extracting(s -> s.contains("tx=true")).containsExactly(false, true, false, true);
    }

    @Test
    void lockTimeoutIsTrackedThroughTheScript() {
        Probe probe = new Probe();
        new LintEngine(LintConfig.defaults(), List.of(probe)).run(List.of(MigrationScript.of("V1__a.sql", """
                SELECT 'before';
                SET LOCAL lock_timeout = '2s';
                SELECT 'local';
                SET lock_timeout = 0;
                SELECT 'zero';
                SET lock_timeout TO 500;
                SELECT 'ms';
                RESET lock_timeout;
                SELECT 'reset';
                """)), s -> true);
        assertThat(probe.seen).filteredOn(s -> s.startsWith("SELECT")).extracting(s -> s.contains("lt=true"))
                .containsExactly(false, true, false, true, false);
    }

    @Test
    void createdInThisMigrationCoversOnlyEarlierStatementsOfTheSameScript() {
        Probe probe = new Probe();
        new LintEngine(LintConfig.defaults(), List.of(probe)).run(List.of(TABLE,
                MigrationScript.of("V2__a.sql", "ALTER TABLE t ADD d int; CREATE TABLE u (id int); ALTER TABLE u ADD e int;")), s -> true);
        assertThat(probe.seen).extracting(s -> s.endsWith("new=true")).containsExactly(false, false, false, true);
    }

    @Test
    void baselineExcludesAndTargetOnlyReplayEarlierScripts() {
        List<MigrationScript> scripts = List.of(TABLE,
                MigrationScript.of("V2__idx.sql", "CREATE INDEX i2 ON t (c);"),
                MigrationScript.of("legacy/V3__idx.sql", "CREATE INDEX i3 ON t (c);"),
                MigrationScript.of("V4__idx.sql", "CREATE INDEX i4 ON t (c);"));
        LintConfig base = LintConfig.builder().lockTimeoutByRunner(true).build();
        assertThat(rules(Linter.of(base).lint(scripts))).containsExactly("create-index-non-concurrent@V2__idx.sql:1",
                "create-index-non-concurrent@legacy/V3__idx.sql:1", "create-index-non-concurrent@V4__idx.sql:1");
        LintReport baselined = Linter.of(base.toBuilder().baselineVersion("2").exclude("legacy/**").build()).lint(scripts);
        assertThat(rules(baselined)).containsExactly("create-index-non-concurrent@V4__idx.sql:1");
        assertThat(baselined.files()).isEqualTo(1);
        LintReport targeted = Linter.of(base).lint(scripts, s -> s.path().equals("V2__idx.sql"));
        assertThat(rules(targeted)).containsExactly("create-index-non-concurrent@V2__idx.sql:1");
    }

    @Test
    void catalogFromEarlierScriptsInformsLaterOnes() {
        List<MigrationScript> scripts = List.of(TABLE,
                MigrationScript.of("V2__check.sql", "ALTER TABLE t ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL) NOT VALID;"),
                MigrationScript.of("V3__validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT t_c_nn;"),
                MigrationScript.of("V4__not_null.sql", "ALTER TABLE t ALTER COLUMN c SET NOT NULL;"));
        LintConfig config = LintConfig.builder().lockTimeoutByRunner(true).statementTimeoutByRunner(true).build();
        assertThat(rules(Linter.of(config).lint(scripts))).isEmpty();
        List<MigrationScript> withoutValidate = List.of(scripts.get(0), scripts.get(1), scripts.get(3));
        assertThat(rules(Linter.of(config).lint(withoutValidate))).containsExactly("set-not-null-scan@V4__not_null.sql:1");
    }

    @Test
    void smallTablesGetLockingFindingsAsInfo() {
        MigrationScript script = MigrationScript.of("V2__idx.sql", "CREATE INDEX i ON t (c); CREATE INDEX j ON big (c);");
        LintConfig config = LintConfig.builder().lockTimeoutByRunner(true)
                .tableSizes((schema, table) -> OptionalLong.of(table.equals("t") ? 200 : 40_000_000), 10_000).build();
        LintReport report = Linter.of(config).lint(List.of(TABLE, MigrationScript.of("V1_1__big.sql", "CREATE TABLE big (c int);"), script));
        assertThat(report.active()).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.ERROR);
        assertThat(report.active().get(0).message()).contains("~200 rows");
        assertThat(report.failed()).isTrue();
    }

    @Test
    void fileWideSuppressionKeepsFindingsVisibleAsSuppressed() {
        MigrationScript script = MigrationScript.of("V2__idx.sql", """
                CREATE INDEX i ON t (c);
                -- zdm:ignore-file create-index-non-concurrent: t holds 12 rows of configuration
                CREATE INDEX j ON t (id);
                """);
        LintReport report = Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build()).lint(List.of(TABLE, script));
        assertThat(report.findings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.suppressed()).isTrue();
            assertThat(f.suppression().reason()).isEqualTo("t holds 12 rows of configuration");
            assertThat(f.suppression().fileWide()).isTrue();
        });
        assertThat(report.failed()).isFalse();
    }

    @Test
    void aRuleThatThrowsBecomesAFindingAndTheRunGoesOn() {
        Rule broken = new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("drop-column", Severity.WARNING, Category.COMPATIBILITY, "s", "w", "a", "");
            }

            @Override
            public void check(StatementContext ctx) {
                throw new IllegalStateException("boom");
            }
        };
        List<Rule> rules = new ArrayList<>(RuleCatalogue.all());
        rules.add(broken);
        LintReport report = new LintEngine(LintConfig.builder().lockTimeoutByRunner(true).build(), rules)
                .run(List.of(TABLE, MigrationScript.of("V2__i.sql", "CREATE INDEX i ON t (c);")), s -> true);
        assertThat(report.findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("internal error in rule drop-column") && m.contains("boom"))
                .anyMatch(m -> m.contains("CREATE INDEX i"));
    }

    @Test
    void configurationChangesSeveritiesAndDisablesRules() {
        // drop-column raised to error; the index rule disabled
        MigrationScript script = MigrationScript.of("V2__x.sql", "ALTER TABLE t DROP COLUMN c; CREATE INDEX i ON t (c);");
        LintConfig config = LintConfig.builder().lockTimeoutByRunner(true).severity("drop-column", Severity.ERROR)
                .disable("create-index-non-concurrent").disable("statements-after-access-exclusive").failOn(Severity.ERROR).build();
        LintReport report = Linter.of(config).lint(List.of(TABLE, script));
        assertThat(report.active()).extracting(f -> f.ruleId() + ":" + f.severity()).containsExactly("drop-column:ERROR");
        assertThat(report.summary()).startsWith("2 files, 3 statements: 1 error, 0 warnings, 0 info in ");
    }

    @Test
    void theFixFirstLineNamesTheMostFrequentRulesOfTheWorstSeverityAndTheBusiestFile() {
        LintConfig config = LintConfig.builder().lockTimeoutByRunner(true).build();
        LintReport report = Linter.of(config).lint(List.of(TABLE,
                MigrationScript.of("V2__a.sql", "CREATE INDEX a ON t (c);"),
                MigrationScript.of("V3__b.sql", "CREATE INDEX b ON t (c);\nALTER TABLE t DROP COLUMN c;"),
                MigrationScript.of("V4__c.sql", "CREATE TABLE u (id int);")));
        assertThat(report.fixFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("fix first: create-index-non-concurrent (2 errors)")
                .endsWith("; most findings in V3__b.sql (" + report.active().stream().filter(f -> f.file().equals("V3__b.sql")).count() + ")"));
        assertThat(Linter.of(config).lint(List.of(TABLE)).fixFirst()).isEmpty();
    }

    @Test
    void unknownRuleIdsInConfigurationAreRejectedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Linter.of(LintConfig.builder().disable("no-such-rule").build()))
                .isInstanceOf(io.github.flywayzdm.lint.LintException.class).hasMessageContaining("no-such-rule");
    }

    @Test
    void placeholdersAreSubstitutedBeforeAnalysis() {
        MigrationScript script = MigrationScript.of("V2__p.sql", "CREATE INDEX i ON ${table} (c);");
        LintConfig config = LintConfig.builder().lockTimeoutByRunner(true).placeholders(java.util.Map.of("table", "t")).build();
        assertThat(rules(Linter.of(config).lint(List.of(TABLE, script)))).containsExactly("create-index-non-concurrent@V2__p.sql:1");
    }

    @Test
    void closestRuleIdIsSuggested() {
        assertThat(RuleIds.closest("drop-colum")).contains("drop-column");
        assertThat(RuleIds.closest("zzzzzzzzzzzzzzzzzzzzzz")).isEmpty();
    }

    @Test
    void durationsAreReadLikePostgresDoes() {
        assertThat(Durations.millis("'3s'")).hasValue(3000);
        assertThat(Durations.millis("500")).hasValue(500);
        assertThat(Durations.millis("1min")).hasValue(60_000);
        assertThat(Durations.millis("0")).hasValue(0);
        assertThat(Durations.millis("soon")).isEmpty();
    }

    /** Many scripts are analyzed on several threads ahead of the replay: the findings must be those of one script at a time. */
    @Test
    void aLongHistoryAnalyzedAheadOnOtherThreadsGivesTheFindingsOfAnInOrderReplay() {
        List<MigrationScript> scripts = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            scripts.add(MigrationScript.of("V" + i + "_1__t.sql", "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, c text);"));
            scripts.add(MigrationScript.of("V" + i + "_2__c.sql", "CREATE INDEX t" + i + "_c ON t" + i + " (c);\n"
                    + "ALTER TABLE t" + (i > 1 ? i - 1 : i) + " ADD COLUMN d" + i + " timestamptz DEFAULT clock_timestamp();\n"
                    + "CREATE VIEW v" + i + " AS SELECT id FROM t" + i + ";\n"
                    + (i % 7 == 0 ? "DROP INDEX t" + (i - 1) + "_c;\n" : "")
                    + (i % 50 == 0 ? "SELECT $$unterminated" : "")));
        }
        java.util.Collections.reverse(scripts); // Flyway's order comes from the versions, not the list
        LintReport all = Linter.withDefaults().lint(scripts);
        var session = Linter.withDefaults().newSession();
        List<String> oneByOne = new ArrayList<>();
        List<MigrationScript> inOrder = new ArrayList<>(scripts);
        java.util.Collections.reverse(inOrder);
        int statements = 0;
        for (MigrationScript script : inOrder) {
            LintReport one = session.lint(script);
            oneByOne.addAll(rules(one));
            statements += one.statements();
        }
        assertThat(rules(all)).isEqualTo(oneByOne).hasSizeGreaterThan(300);
        assertThat(all.statements()).isEqualTo(statements);
        assertThat(all.files()).isEqualTo(300);
    }
}
