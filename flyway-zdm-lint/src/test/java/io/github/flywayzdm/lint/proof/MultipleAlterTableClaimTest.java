package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * multiple-alter-table on a real server: outside a transaction (executeInTransaction=false, the way a migration with
 * CONCURRENTLY runs) each ALTER TABLE statement queues for ACCESS EXCLUSIVE on its own, so a reader that is in the
 * way costs one lock wait per statement, where one combined statement waits once; and separate rewriting actions
 * rewrite the table once each, where one statement rewrites it once.
 */
@WithPostgres
class MultipleAlterTableClaimTest {

    private static final List<String> SEPARATE = List.of("ALTER TABLE t ADD COLUMN a int", "ALTER TABLE t ADD COLUMN b text");
    private static final List<String> COMBINED = List.of("ALTER TABLE t ADD COLUMN a int, ADD COLUMN b text");

    @Test
    void eachSeparateStatementQueuesForTheLockAgainWhereOneStatementQueuesOnce(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        assertThat(lockWaitsBehindReader(db, SEPARATE)).as("statements that had to wait for ACCESS EXCLUSIVE").isEqualTo(2);
        db.execute("ALTER TABLE t DROP COLUMN IF EXISTS a, DROP COLUMN IF EXISTS b");
        assertThat(lockWaitsBehindReader(db, COMBINED)).isEqualTo(1);
    }

    @Test
    void betweenSeparateStatementsTheLockIsReleasedSoTheMigrationCanStopHalfway(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        try (Connection migration = db.connect(); Connection other = db.connect();
             Statement m = migration.createStatement(); Statement o = other.createStatement()) {
            m.execute(SEPARATE.get(0));
            // another session takes the table between the two statements: the second one now fails on its lock_timeout
            other.setAutoCommit(false);
            o.execute("LOCK TABLE t IN ACCESS SHARE MODE");
            m.execute("SET lock_timeout = '200ms'");
            assertThat(ServerProbe.lockTimedOut(m, SEPARATE.get(1))).isTrue();
            other.rollback();
            assertThat(columns(m)).as("the migration stopped halfway: a is there, b is not").contains("a").doesNotContain("b");
        }
    }

    @Test
    void separateRewritingActionsRewriteTheTableOnceEachWhereOneStatementRewritesOnce(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        assertThat(rewrites(db, List.of("ALTER TABLE t ALTER COLUMN n TYPE bigint", "ALTER TABLE t ALTER COLUMN pid TYPE numeric")))
                .isEqualTo(2);
        db.execute("ALTER TABLE t ALTER COLUMN n TYPE int, ALTER COLUMN pid TYPE bigint");
        assertThat(rewrites(db, List.of("ALTER TABLE t ALTER COLUMN n TYPE bigint, ALTER COLUMN pid TYPE numeric"))).isEqualTo(1);
    }

    @Test
    void theLinterReportsTheSeparateFormAndNotTheCombinedOne() {
        assertThat(findings(String.join(";\n", SEPARATE))).contains("multiple-alter-table");
        assertThat(findings(String.join(";\n", COMBINED))).doesNotContain("multiple-alter-table");
    }

    /**
     * Runs the statements in autocommit, each with a 200 ms lock_timeout, while another session's open transaction
     * holds ACCESS SHARE on t (a running SELECT); a statement that timed out is retried once the reader is gone.
     */
    private static int lockWaitsBehindReader(TestDatabase db, List<String> statements) throws SQLException {
        int waits = 0;
        try (Connection migration = db.connect(); Connection reader = db.connect();
             Statement m = migration.createStatement(); Statement r = reader.createStatement()) {
            m.execute("SET lock_timeout = '200ms'");
            for (String sql : statements) {
                reader.setAutoCommit(false);
                r.execute("SELECT count(*) FROM t");
                boolean waited = ServerProbe.lockTimedOut(m, sql);
                reader.rollback();
                reader.setAutoCommit(true);
                if (waited) {
                    waits++;
                    m.execute(sql); // the reader is gone: now it runs
                }
            }
        }
        return waits;
    }


    private static int rewrites(TestDatabase db, List<String> statements) throws SQLException {
        int rewrites = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                long before = filenode(s);
                s.execute(sql);
                if (filenode(s) != before) {
                    rewrites++;
                }
            }
        }
        return rewrites;
    }

    private static long filenode(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_relation_filenode('t')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> columns(Statement s) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 AND NOT attisdropped")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> findings(String sql) {
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__schema.sql", Observer.SCHEMA), MigrationScript.of("V2__change.sql", sql + ";")),
                        s -> s.path().startsWith("V2"))
                .active().stream().map(f -> f.ruleId()).toList();
    }
}
