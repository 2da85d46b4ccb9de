package io.github.flywayzdm.backfill;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.embedded.PgVersions;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static io.github.flywayzdm.backfill.RestartableOrders.query;
import static io.github.flywayzdm.backfill.RestartableOrders.queryText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under background workers in their own JVMs: a PostgreSQL restart while they run, and a rolling restart of
 * the worker JVMs. A counter column proves every row was updated exactly once, and a watcher that nothing said done
 * while a row was left.
 */
@WithPostgres
class BackgroundWorkerFaultsTest {

    private static final BackfillOptions SLOW = BackfillTest.FAST.withBatchSize(200, 200, 200).withPause(Duration.ofMillis(50))
            .withWorkers(2);

    @Test
    void aServerRestartWhileWorkerJvmsRunIsSurvivedOrFailsLoudlyAndTheJobResumesToExactlyOnce() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startRestartable(PgVersions.selectedMajor())) {
            PGSimpleDataSource ds = RestartableOrders.create(server, 40_000);
            try (Connection c = ds.getConnection()) {
                BackgroundBackfillTest.job(SLOW).enqueue(c);
            }
            DoneWatcher watcher = new DoneWatcher(ds, true);
            List<WorkerJvm> first = new ArrayList<>();
            try {
                first.add(WorkerJvm.start(server.jdbcUrl("postgres"), server.user(), ""));
                first.add(WorkerJvm.start(server.jdbcUrl("postgres"), server.user(), ""));
                waitFor(() -> query(ds, "SELECT count(*) FROM orders WHERE touched = 1") >= 3_000);
                server.restart();
                List<Integer> exits = new ArrayList<>();
                for (WorkerJvm w : first) {
                    int exit = w.await();
                    exits.add(exit);
                    // reconnected and finished (0), or stopped with the error printed (3): never a silent stop
                    assertThat(exit == 0 || (exit == 3 && w.output().contains("FAILED"))).as("exit %d, output: %s", exit, w.output())
                            .isTrue();
                }
                System.out.println("after the server restart the first workers exited with " + exits); // which path ran
                // whatever the first workers did, a fresh one finishes the rest (a failed job is retried first)
                if (!"done".equals(queryText(ds, "SELECT status FROM zdm_backfill_progress"))) {
                    try (Connection c = ds.getConnection()) {
                        if ("failed".equals(queryText(ds, "SELECT status FROM zdm_backfill_progress"))) {
                            BackfillJobs.in(null).retry(c, "orders-status");
                        }
                    }
                    WorkerJvm again = WorkerJvm.start(server.jdbcUrl("postgres"), server.user(), "");
                    assertThat(again.await()).as(again.output()).isZero();
                }
            } finally {
                watcher.stop();
                first.forEach(WorkerJvm::kill);
            }
            assertThat(watcher.lie()).as("reported done while rows were left").isNull();
            assertThat(query(ds, "SELECT count(*) FROM orders WHERE touched = 0")).as("never updated").isZero();
            assertThat(query(ds, "SELECT count(*) FROM orders WHERE touched > 1")).as("updated twice").isZero();
            assertThat(queryText(ds, "SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
            assertThat(query(ds, "SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(40_000);
        }
    }

    @Test
    void aRollingRestartOfTheWorkerJvmsUpdatesEveryRowExactlyOnce(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 70_000);
        long rows = db.queryLong("SELECT count(*) FROM orders");
        try (Connection c = db.connect()) {
            BackgroundBackfillTest.job(SLOW.withBatchSize(100, 100, 100).withPause(Duration.ofMillis(100)).withWorkers(3)).enqueue(c);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        DoneWatcher watcher = new DoneWatcher(ds, false);
        List<WorkerJvm> live = new ArrayList<>();
        int restarts = 0;
        try {
            for (int i = 0; i < 3; i++) {
                live.add(WorkerJvm.start(db.jdbcUrl(), db.user(), db.password()));
            }
            // one instance at a time goes away (SIGTERM or SIGKILL, as a rollout does) and a new one comes up
            for (int round = 0; round < 4; round++) {
                long before = touched(db);
                waitFor(() -> touched(db) >= before + 1_500);
                if (touched(db) > rows - 10_000) {
                    break; // keep the last stretch for the final set of workers
                }
                WorkerJvm old = live.remove(0);
                if (round % 2 == 0) {
                    old.kill();
                } else {
                    old.terminate();
                }
                restarts++;
                live.add(WorkerJvm.start(db.jdbcUrl(), db.user(), db.password()));
            }
            for (WorkerJvm w : live) {
                assertThat(w.await()).as(w.output()).isZero();
            }
        } finally {
            watcher.stop();
            live.forEach(WorkerJvm::kill);
        }
        assertThat(restarts).as("instances restarted before the end").isGreaterThanOrEqualTo(2);
        assertThat(watcher.lie()).as("reported done while rows were left").isNull();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 0")).as("never updated").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).as("updated twice").isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(rows);
    }

    private static long touched(TestDatabase db) throws Exception {
        return db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
    }
}
