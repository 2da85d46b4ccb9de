package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * unbatched-data-change's one-row fixes on a real server: a key equality in parentheses or against a short array locks
 * only the rows it names (counted from another session with SKIP LOCKED), an OR inside the parentheses locks them all,
 * and the linter is silent exactly on the first kind.
 */
@WithPostgres
class OneRowFixClaimTest {

    @Test
    void keyEqualitiesInParenthesesOrAgainstAShortArrayLockOnlyTheirRows(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        assertClaim(db, "UPDATE t SET n = 0 WHERE (id = 42)", 1, false);
        assertClaim(db, "UPDATE t SET n = 0 WHERE ((id = 42) AND (n > 0))", 1, false);
        assertClaim(db, "UPDATE t SET n = 0 WHERE id = ANY (ARRAY[1, 2, 3])", 3, false);
        assertClaim(db, "DELETE FROM t WHERE id = ANY ('{4,5}'::bigint[])", 2, false);
        assertClaim(db, "UPDATE t SET n = 0 WHERE (id = 1 OR n > 0)", 2000, true);
        assertClaim(db, "UPDATE t SET n = 0 WHERE pid = ANY (ARRAY[1, 2])", 40, true);
    }

    private static void assertClaim(TestDatabase db, String sql, long locked, boolean reported) throws Exception {
        assertThat(rowsLockedBy(db, sql)).as("rows `%s` keeps locked", sql).isEqualTo(locked);
        List<String> rules = Linter.of(LintConfig.builder().lockTimeoutByRunner(true).statementTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__schema.sql", Observer.SCHEMA), MigrationScript.of("V2__fix.sql", sql + ";")),
                        s -> s.path().startsWith("V2"))
                .active().stream().map(f -> f.ruleId()).toList();
        if (reported) {
            assertThat(rules).as("linter on %s", sql).contains("unbatched-data-change");
        } else {
            assertThat(rules).as("linter on %s", sql).doesNotContain("unbatched-data-change");
        }
    }

    private static long rowsLockedBy(TestDatabase db, String sql) throws Exception {
        try (Connection a = db.connect(); Connection b = db.connect(); Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            sa.execute(sql);
            b.setAutoCommit(false);
            try (ResultSet rs = sb.executeQuery("SELECT count(*) FROM (SELECT 1 FROM t FOR UPDATE SKIP LOCKED) free")) {
                rs.next();
                long free = rs.getLong(1);
                b.rollback();
                a.rollback();
                return 2000 - free;
            }
        }
    }
}
