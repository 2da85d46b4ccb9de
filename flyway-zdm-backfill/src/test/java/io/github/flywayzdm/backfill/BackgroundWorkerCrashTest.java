package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several worker JVMs share one background backfill; kill -9 of one, then of all of them, then a restart of two at
 * once: every row updated exactly once (a counter column), and the job never says done while a row is left.
 */
@WithPostgres
class BackgroundWorkerCrashTest {

    @Test
    void workersKilledOneThenAllAndRestartedUpdateEveryRowExactlyOnce(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 40_000);
        long rows = db.queryLong("SELECT count(*) FROM orders");
        try (Connection c = db.connect()) {
            BackgroundBackfillTest.job(BackfillTest.FAST.withBatchSize(100, 100, 100).withPause(Duration.ofMillis(100))
                    .withWorkers(2)).enqueue(c);
        }
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicReference<String> lie = new AtomicReference<>();
        Thread watcher = new Thread(() -> watchForDoneWithRowsLeft(db, watching, lie));
        watcher.start();
        try {
            Process a = worker(db);
            Process b = worker(db);
            waitFor(() -> touched(db) >= 2_000);
            kill(a);
            long afterFirstKill = touched(db);
            waitFor(() -> touched(db) >= afterFirstKill + 2_000); // b goes on, taking over a's chunks
            kill(b);

            long committed = touched(db);
            assertThat(committed).as("killed before the end").isLessThan(rows);
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).isZero();
            assertThat(db.queryLong("SELECT sum(rows_done) FROM zdm_backfill_chunks")).as("progress = rows committed").isEqualTo(committed);
            assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");

            Process c = worker(db); // restarted at once: the dead JVMs' sessions are gone, so are their chunk locks
            Process d = worker(db);
            assertThat(c.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(d.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(List.of(c.exitValue(), d.exitValue())).as("both report complete").containsOnly(0);
        } finally {
            watching.set(false);
            watcher.join();
        }
        assertThat(lie.get()).as("reported done while rows were left").isNull();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 0")).as("never updated").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).as("updated twice").isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(rows);
    }

    private static void watchForDoneWithRowsLeft(TestDatabase db, AtomicBoolean watching, AtomicReference<String> lie) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            while (watching.get()) {
                // one statement, one snapshot: the status and the rows left as of the same moment
                try (ResultSet rs = s.executeQuery("SELECT (SELECT status FROM zdm_backfill_progress), "
                        + "(SELECT count(*) FROM orders WHERE touched = 0)")) {
                    rs.next();
                    if ("done".equals(rs.getString(1)) && rs.getLong(2) > 0) {
                        lie.compareAndSet(null, "done with " + rs.getLong(2) + " rows left");
                    }
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            lie.compareAndSet(null, "watcher failed: " + e);
        }
    }

    private static Process worker(TestDatabase db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), BackfillWorkerChild.class.getName(),
                db.jdbcUrl(), db.user(), db.password(), "2"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void kill(Process p) throws Exception {
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static long touched(TestDatabase db) throws Exception {
        return db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
    }
}
