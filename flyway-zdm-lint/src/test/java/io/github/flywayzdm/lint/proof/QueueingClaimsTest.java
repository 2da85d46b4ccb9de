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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims that need more than one statement in flight. */
@WithPostgres
class QueueingClaimsTest {

    /**
     * missing-lock-timeout: an instant ALTER waiting for its lock behind a long transaction makes every later query on
     * the table queue behind it; with lock_timeout the ALTER gives up and the queries flow again.
     */
    @Test
    void aWaitingAlterQueuesAllTrafficUnlessItHasALockTimeout(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        try (Connection longTx = db.connect(); Connection migration = db.connect(); Connection app = db.connect();
             Statement lt = longTx.createStatement(); Statement m = migration.createStatement()) {
            longTx.setAutoCommit(false);
            lt.execute("SELECT count(*) FROM t"); // a report holding ACCESS SHARE until it commits

            CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> execute(m, "ALTER TABLE t ADD COLUMN x int"));
            waitUntilWaiting(db);
            assertThat(readTimesOut(app)).as("a plain SELECT queues behind the waiting ALTER").isTrue();
            longTx.commit();
            alter.get(10, TimeUnit.SECONDS);

            lt.execute("SELECT count(*) FROM t");
            m.execute("SET lock_timeout = '300ms'");
            assertThatThrownBy(() -> m.execute("ALTER TABLE t ADD COLUMN y int"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
            assertThat(readTimesOut(app)).as("after the ALTER gave up, reads flow").isFalse();
            longTx.commit();
        }
        assertThat(rules("ALTER TABLE t ADD COLUMN x int;", false)).contains("missing-lock-timeout");
        assertThat(rules("SET lock_timeout = '300ms';\nALTER TABLE t ADD COLUMN x int;", false)).doesNotContain("missing-lock-timeout");
    }

    /** concurrent-index-on-partitioned: PostgreSQL refuses CONCURRENTLY on a partitioned parent; ON ONLY works. */
    @Test
    void concurrentIndexOnAPartitionedParentIsRefused(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE ev (id bigint, at int) PARTITION BY RANGE (at)",
                "CREATE TABLE ev1 PARTITION OF ev FOR VALUES FROM (0) TO (100)");
        assertThatThrownBy(() -> db.execute("CREATE INDEX CONCURRENTLY ev_at_idx ON ev (at)")).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
        db.execute("CREATE INDEX ev_at_idx ON ONLY ev (at)", "CREATE INDEX CONCURRENTLY ev1_at_idx ON ev1 (at)",
                "ALTER INDEX ev_at_idx ATTACH PARTITION ev1_at_idx");
        assertThat(db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ev_at_idx'::regclass")).isEqualTo(true);
        String schema = "CREATE TABLE ev (id bigint, at int) PARTITION BY RANGE (at);";
        assertThat(lint(schema, "CREATE INDEX CONCURRENTLY ev_at_idx ON ev (at);")).contains("concurrent-index-on-partitioned");
        assertThat(lint(schema, "CREATE INDEX ev_at_idx ON ONLY ev (at);")).isEmpty();
    }

    private static List<String> rules(String sql, boolean runnerTimeout) {
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(runnerTimeout).build())
                .lint(List.of(MigrationScript.of("V1__s.sql", Observer.SCHEMA), MigrationScript.of("V2__x.sql", sql)),
                        s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
    }

    private static List<String> lint(String schema, String sql) {
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__s.sql", schema), new MigrationScript("V2__x.sql", sql, false)),
                        s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
    }

    private static boolean readTimesOut(Connection app) throws SQLException {
        try (Statement s = app.createStatement()) {
            s.execute("SET lock_timeout = '300ms'");
            return ServerProbe.lockTimedOut(s, "SELECT count(*) FROM t");
        }
    }

    private static void waitUntilWaiting(TestDatabase db) throws Exception {
        for (int i = 0; i < 250; i++) {
            if (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE t%'") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the ALTER never waited for its lock");
    }

    private static void execute(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
