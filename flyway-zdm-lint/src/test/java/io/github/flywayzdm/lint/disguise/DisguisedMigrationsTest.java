package io.github.flywayzdm.lint.disguise;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.disguise.Catalogue;
import io.github.flywayzdm.testsupport.disguise.Disguise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every disguised migration of the {@link Catalogue} is dangerous on a real server when real Flyway runs it (it blocks
 * writes while building an index, holds ACCESS EXCLUSIVE while scanning, or rewrites the live table), and the linter
 * with the CLI's defaults fails it with the rule that names the danger.
 */
class DisguisedMigrationsTest {

    static List<Disguise> catalogue() {
        return Catalogue.all();
    }

    @Test
    void theCatalogueCoversEveryClassWithAtLeastSixtyCases() {
        List<Disguise> all = Catalogue.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all.stream().map(d -> d.id().substring(0, d.id().indexOf('/'))).distinct())
                .contains("do", "name", "lex", "placeholder", "state", "only", "suppress");
        assertThat(all.stream().map(Disguise::id).distinct()).hasSameSizeAs(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void dangerousThroughRealFlywayAndFailedByTheLinter(Disguise d) throws Exception {
        Set<FlywayRun.Seen> seen;
        try (TestDatabase db = TestDatabase.create()) {
            seen = FlywayRun.migrate(db, d.files(), d.table(), d.placeholders());
        }
        assertThat(seen).as("what Flyway running %s did to %s", d.id(), d.table())
                .containsAnyOf(FlywayRun.Seen.WRITES_BLOCKED, FlywayRun.Seen.REWRITTEN);
        if (!seen.contains(FlywayRun.Seen.REWRITTEN)) {
            assertThat(seen).as("blocked writes while doing work on %s", d.table())
                    .containsAnyOf(FlywayRun.Seen.INDEX_BUILT, FlywayRun.Seen.SCANNED, FlywayRun.Seen.READS_BLOCKED);
        }

        LintReport report = lint(d);
        assertThat(report.failed()).as("zdm lint fails %s; findings: %s", d.id(), report.findings()).isTrue();
        assertThat(report.active()).extracting(Finding::ruleId).as("findings of %s", d.id()).contains(d.rule());
    }

    /** The session the migrate-time guard uses (earlier migrations replayed, then the one about to run linted) agrees. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theGuardsLintSessionFailsItToo(Disguise d) {
        io.github.flywayzdm.lint.LintSession session = Linter.of(LintConfig.builder().placeholders(d.placeholders()).build()).newSession();
        LintReport report = null;
        for (Map.Entry<String, String> file : d.files().entrySet()) {
            MigrationScript script = MigrationScript.of(file.getKey(), file.getValue());
            if (file.getKey().startsWith("V3")) {
                report = session.lint(script);
            } else {
                session.replay(script);
            }
        }
        assertThat(report).isNotNull();
        assertThat(report.failed()).as("the guard's lint of %s; findings: %s", d.id(), report.findings()).isTrue();
        assertThat(report.active()).extracting(Finding::ruleId).contains(d.rule());
    }

    /**
     * The linter as {@code zdm lint} runs it by default (fail on error), with the placeholders of the run; only the
     * disguised script is judged (the schema and setup scripts are replayed for context).
     */
    static LintReport lint(Disguise d) {
        List<MigrationScript> scripts = new ArrayList<>();
        d.files().forEach((name, content) -> scripts.add(MigrationScript.of(name, content)));
        return Linter.of(LintConfig.builder().placeholders(d.placeholders()).build())
                .lint(scripts, s -> s.path().startsWith("V3"));
    }
}
