package io.github.flywayzdm.lint.disguise;

import io.github.flywayzdm.testsupport.ServerIndependent;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.internal.split.SplitResult;
import io.github.flywayzdm.lint.internal.split.SqlStatement;
import io.github.flywayzdm.lint.internal.split.StatementSplitter;
import io.github.flywayzdm.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our lexer against PostgreSQL's: each generated script goes to the server as ONE simple-protocol query (the server's
 * lexer and grammar split it; only a SET standard_conforming_strings goes in a message of its own before, since the
 * server lexes a whole message before running any of it) and, split by our splitter, statement by statement. What ran must be the same: the same
 * statements in the same order, with the same command tags and the same rows.
 */
class DifferentialSplitTest {

    private static final int SCRIPTS = 400;

    @Test
    void ourSplitAndTheServersAgreeOnEveryGeneratedScript() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            boolean atomicBodies = db.serverMajor() >= 14;
            ScriptGenerator generator = new ScriptGenerator(20261201L, atomicBodies);
            List<String> disagreements = new ArrayList<>();
            int statements = 0;
            try (SimpleQueryClient whole = connect(db); SimpleQueryClient pieces = connect(db)) {
                for (int i = 0; i < SCRIPTS; i++) {
                    List<String> parts = generator.parts();
                    String script = String.join("", parts);
                    List<SimpleQueryClient.Result> server = new ArrayList<>();
                    for (String part : parts) {
                        server.addAll(whole.query(part));
                    }
                    SplitResult split = StatementSplitter.split(script);
                    List<SimpleQueryClient.Result> ours = new ArrayList<>();
                    for (SqlStatement s : split.statements()) {
                        ours.addAll(pieces.query(s.executed()));
                    }
                    statements += split.statements().size();
                    if (!server.equals(ours) || !split.problems().isEmpty() || server.stream().anyMatch(r -> r.error() != null)) {
                        disagreements.add("script " + i + ": " + script.replace("\r", "\\r").replace("\n", "\\n")
                                + "\n  server: " + server + "\n  ours:   " + ours + "\n  problems: " + split.problems());
                    }
                }
            }
            assertThat(disagreements).as("disagreements among %d scripts (%d statements)", SCRIPTS, statements).isEmpty();
            assertThat(statements).isGreaterThan(SCRIPTS);
        }
    }

    /** No server: 10,000 generated and damaged scripts are linted end to end without an exception or a hang. */
    @Test
    @ServerIndependent
    void tenThousandGeneratedAndDamagedScriptsLintWithoutACrash() {
        ScriptGenerator generator = new ScriptGenerator(42L, true);
        Linter linter = Linter.withDefaults();
        int findings = 0;
        for (int i = 0; i < 10_000; i++) {
            String script = i % 2 == 0 ? generator.script() : generator.damaged();
            LintReport report = linter.lint(List.of(MigrationScript.of("V" + (i + 1) + "__fuzz.sql", script)));
            assertThat(report.findings()).allSatisfy(f -> assertThat(f.line()).isPositive());
            findings += report.findings().size();
        }
        assertThat(findings).as("damaged scripts produce findings (split problems, unparsed statements)").isPositive();
    }

    private static SimpleQueryClient connect(TestDatabase db) throws Exception {
        try {
            return new SimpleQueryClient(db.jdbcUrl(), db.user(), db.password());
        } catch (SimpleQueryClient.UnsupportedAuthentication e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
    }
}
