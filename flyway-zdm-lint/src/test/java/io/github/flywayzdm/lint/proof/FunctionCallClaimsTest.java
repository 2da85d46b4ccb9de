package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * invalid-function-call on a real server: every DEFAULT the rule reports is rejected by PostgreSQL when the statement
 * runs (undefined function or syntax error), every look-alike it accepts runs, and random(min, max) follows the server's
 * version (PostgreSQL 17 added it).
 */
@WithPostgres
class FunctionCallClaimsTest {

    private static final List<String> REJECTED = List.of("now(123)", "pg_catalog.now(1)", "clock_timestamp(0)",
            "statement_timestamp(5)", "transaction_timestamp('x')", "gen_random_uuid(4)", "random(1)", "lower()", "md5()",
            "nextval()", "current_setting()", "date_trunc('day')", "date_trunc('day', now(1))", "current_date()",
            "current_user()", "session_user()", "current_timestamp()", "localtimestamp(-1)", "current_time(x)");

    private static final List<String> ACCEPTED = List.of("now()", "pg_catalog.now()", "current_timestamp(3)",
            "current_timestamp(123)", "localtimestamp(2)", "current_time(2)", "current_date", "current_user",
            "date_trunc('day', now())", "to_timestamp(1)", "'now(123)'", "current_setting('timezone')", "lower('A')");

    @Test
    void everyReportedDefaultIsRejectedByTheServerAndEveryAcceptedOneRuns(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        int major = db.serverMajor();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String expr : REJECTED) {
                String sql = "ALTER TABLE t ADD COLUMN d text DEFAULT " + expr;
                assertThat(sqlState(s, sql)).as(sql).isIn("42883", "42601");
                assertThat(findings(sql, major)).as("linter on %s", sql).contains("invalid-function-call");
            }
            for (String expr : ACCEPTED) {
                String sql = "ALTER TABLE t ADD COLUMN d text DEFAULT " + expr;
                assertThat(sqlState(s, sql)).as(sql).isNull();
                s.execute("ALTER TABLE t DROP COLUMN d");
                assertThat(findings(sql, major)).as("linter on %s", sql).doesNotContain("invalid-function-call");
            }
        }
    }

    @Test
    void randomWithABoundIsRejectedBefore17AndRewritesFrom17(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        int major = db.serverMajor();
        String sql = "ALTER TABLE t ADD COLUMN roll int DEFAULT random(1, 6)";
        long before = db.queryLong("SELECT pg_relation_filenode('t')");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String state = sqlState(s, sql);
            if (major >= 17) {
                assertThat(state).isNull();
                assertThat(db.queryLong("SELECT pg_relation_filenode('t')")).as("volatile default: rewritten").isNotEqualTo(before);
                assertThat(findings(sql, major)).contains("add-column-volatile-default").doesNotContain("invalid-function-call");
            } else {
                assertThat(state).isEqualTo("42883");
                assertThat(findings(sql, major)).contains("invalid-function-call").doesNotContain("add-column-volatile-default");
            }
        }
    }

    /** The SQLSTATE the statement failed with, or null when it ran. */
    private static String sqlState(Statement s, String sql) {
        try {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static List<String> findings(String sql, int major) {
        return Linter.of(LintConfig.builder().pgMajor(major).lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__schema.sql", Observer.SCHEMA), MigrationScript.of("V2__change.sql", sql + ";")),
                        s -> s.path().startsWith("V2"))
                .active().stream().map(f -> f.ruleId()).toList();
    }
}
