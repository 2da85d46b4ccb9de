package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

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
        DoneWatcher watcher = new DoneWatcher(db.dataSource(), false);
        try {
            WorkerJvm a = worker(db);
            WorkerJvm b = worker(db);
            waitFor(() -> touched(db) >= 2_000);
            a.kill();
            long afterFirstKill = touched(db);
            waitFor(() -> touched(db) >= afterFirstKill + 2_000); // b goes on, taking over a's chunks
            b.kill();

            long committed = touched(db);
            assertThat(committed).as("killed before the end").isLessThan(rows);
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).isZero();
            assertThat(db.queryLong("SELECT sum(rows_done) FROM zdm_backfill_chunks")).as("progress = rows committed").isEqualTo(committed);
            assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");

            WorkerJvm c = worker(db); // restarted at once: the dead JVMs' sessions are gone, so are their chunk locks
            WorkerJvm d = worker(db);
            assertThat(List.of(c.await(), d.await())).as("both report complete: %s%n%s", c.output(), d.output()).containsOnly(0);
        } finally {
            watcher.stop();
        }
        assertThat(watcher.lie()).as("reported done while rows were left").isNull();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 0")).as("never updated").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).as("updated twice").isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(rows);
    }

    private static WorkerJvm worker(TestDatabase db) throws Exception {
        return WorkerJvm.start(db.jdbcUrl(), db.user(), db.password());
    }

    private static long touched(TestDatabase db) throws Exception {
        return db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
    }
}
