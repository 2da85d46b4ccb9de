package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.Blocker;
import io.github.flywayzdm.callbacks.internal.MigrationRecord;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class BlockerTest {

    private static final String ADD_COLUMN = "ALTER TABLE accounts ADD COLUMN note text;\n";

    private static MigrationDir accounts(TestDatabase db, ZdmCallback callback) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        m.flyway(callback).migrate();
        m.write("V2__note.sql", ADD_COLUMN);
        return m;
    }

    /** A session in an open transaction that has read the table: it holds ACCESS SHARE until it ends. */
    private static Connection reader(TestDatabase db) throws Exception {
        Connection c = db.connect();
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = 'report-job'");
            c.setAutoCommit(false);
            s.executeQuery("SELECT count(*) FROM accounts /* long report */").close();
        }
        return c;
    }

    private static int pid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static MigrationRecord record(ZdmCallback callback, String version) {
        List<MigrationRecord> all = callback.lastReport().orElseThrow().migrations();
        return all.stream().filter(r -> r.version().equals(version)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void lockTimeoutFailureNamesTheBlockerAndLeavesTheSchemaUnchanged(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = accounts(db, callback);
        Connection blocker = reader(db);

        long started = System.nanoTime();
        assertThatThrownBy(() -> m.flyway(callback).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("lock timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        MigrationRecord r = record(callback, "2");
        assertThat(r.outcome()).isEqualTo(MigrationRecord.Outcome.FAILED);
        assertThat(r.sqlState()).isEqualTo("55P03");
        assertThat(r.blockers()).extracting(Blocker::pid).containsExactly(pid(blocker));
        Blocker b = r.blockers().get(0);
        assertThat(b.query()).contains("SELECT count(*) FROM accounts /* long report */");
        assertThat(b.applicationName()).isEqualTo("report-job");
        assertThat(b.state()).isEqualTo("idle in transaction");
        assertThat(b.locks()).contains("AccessShareLock on accounts");
        assertThat(r.waitedFor()).contains("AccessExclusiveLock on accounts");
        assertThat(r.error()).contains("pid " + pid(blocker)).contains("long report");

        assertThat(m.historyRows("2")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' "
                + "AND column_name = 'note'")).isZero();
    }

    @Test
    void retryingMigrateSucceedsOnceTheBlockerIsGone(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = accounts(db, callback);
        Connection blocker = reader(db);
        Flyway flyway = m.flyway(callback);
        // the blocker goes away once the first attempt has failed (not after a fixed delay: a loaded machine may take
        // longer than that to reach the lock, and the first attempt would then succeed)
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (callback.lastReport().stream().flatMap(rep -> rep.migrations().stream())
                        .noneMatch(rec -> rec.version().equals("2") && rec.outcome() == MigrationRecord.Outcome.FAILED)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the first attempt never failed");
                    }
                    Thread.sleep(20);
                }
                blocker.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        ZdmMigrate.withRetries(6).initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofMillis(800)).migrate(flyway);

        release.join();
        assertThat(m.historyRows("2")).isOne();
        MigrationRecord r = record(callback, "2");
        assertThat(r.outcome()).isEqualTo(MigrationRecord.Outcome.SUCCESS);
        assertThat(r.attempt()).isGreaterThan(1);
    }

    @Test
    void retryGivesUpAfterTheLastAttempt(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = accounts(db, callback);
        reader(db);

        assertThatThrownBy(() -> ZdmMigrate.withRetries(2).initialBackoff(Duration.ofMillis(50)).migrate(m.flyway(callback)))
                .isInstanceOf(FlywayException.class);
        assertThat(record(callback, "2").attempt()).isEqualTo(2);
        assertThat(m.historyRows("2")).isZero();
    }
}
