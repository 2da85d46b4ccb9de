package io.github.flywayzdm.backfill;

import db.backgroundtest.V2__queue_orders_status;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enqueue, don't wait: a background job is recorded by the migration and run by workers. */
@WithPostgres
class BackgroundBackfillTest {

    static Backfill job(BackfillOptions options) {
        return Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1").where("status IS NULL")
                .verify("status IS NULL").id("orders-status").options(options).build();
    }

    @Test
    void enqueueWritesNoRowAndAWorkerInAnotherCallFinishesIt(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 20_000);
        try (Connection c = db.connect()) {
            assertThat(job(BackfillTest.FAST.withWorkers(3)).enqueue(c)).isTrue();
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 0")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_jobs")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE id = 'orders-status'")).isGreaterThan(1);
        try (Connection c = db.connect()) {
            BackfillStatus queued = BackfillJobs.in(null).status(c).get(0);
            assertThat(queued.status()).isEqualTo("running");
            assertThat(queued.background()).isTrue();
            assertThat(queued.rowsDone()).isZero();
        }

        // the worker knows nothing but the data source: the definition comes from the database
        BackfillWorker.Report report = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none()).runPending();

        assertThat(report.complete()).isTrue();
        assertThat(report.results()).hasSize(1);
        assertThat(report.results().get(0).rowsLeft()).isZero();
        long rows = db.queryLong("SELECT count(*) FROM orders");
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 1 AND status = 'pending'")).isEqualTo(rows);
        try (Connection c = db.connect()) {
            BackfillStatus done = BackfillJobs.in(null).status(c).get(0);
            assertThat(done.status()).isEqualTo("done");
            assertThat(done.rowsDone()).isEqualTo(rows);
            assertThat(done.percent()).isEqualTo(100.0);
            assertThat(done.chunksDone()).isEqualTo(done.chunks());
        }
        assertThat(BackfillWorker.create(db.dataSource()).runPending().results()).as("nothing left to run").isEmpty();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void twoEnqueuesAtOnceRecordOneJob(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 5_000);
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    try (Connection c = db.connect()) {
                        c.setAutoCommit(false); // like a transactional migration
                        barrier.await();
                        boolean queued = job(BackfillTest.FAST.withWorkers(2)).enqueue(c);
                        Thread.sleep(200); // hold the transaction open while the other one tries
                        c.commit();
                        return queued;
                    }
                }));
            }
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_jobs")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_progress")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_chunks")).isEqualTo(8); // one set of chunks: 2 workers x 4
        BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none()).runPending();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void anotherDefinitionUnderTheSameIdIsRefusedAndARolledBackEnqueueLeavesNothing(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 1_000);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            job(BackfillTest.FAST).enqueue(c);
            c.rollback();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'zdm_backfill_jobs'")).isZero();
        try (Connection c = db.connect()) {
            job(BackfillTest.FAST).enqueue(c);
            Backfill other = Backfill.of("orders").key("id").set("status = 'other'").id("orders-status").build();
            assertThatThrownBy(() -> other.enqueue(c)).isInstanceOf(BackfillException.class)
                    .hasMessageContaining("a different background backfill is already queued");
        }
    }

    @Test
    void pausedAndCancelledJobsAreLeftAloneUntilResumedAndAFailedOneUntilRetried(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 2_000);
        BackfillJobs jobs = BackfillJobs.in(null);
        try (Connection c = db.connect()) {
            job(BackfillTest.FAST).enqueue(c);
            jobs.pause(c, "orders-status");
            assertThatThrownBy(() -> jobs.retry(c, "orders-status")).hasMessageContaining("it is paused");
        }
        BackfillWorker worker = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none());
        assertThat(worker.runPending().results()).isEmpty();
        try (Connection c = db.connect()) {
            jobs.cancel(c, "orders-status");
        }
        assertThat(worker.runPending().results()).isEmpty();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 0")).isZero();
        db.execute("ALTER TABLE orders ADD CONSTRAINT no_pending CHECK (status IS DISTINCT FROM 'pending')");
        try (Connection c = db.connect()) {
            jobs.resume(c, "orders-status");
        }
        BackfillWorker.Report failed = worker.runPending();
        assertThat(failed.failures()).containsKey("orders-status");
        assertThat(failed.complete()).isFalse();
        try (Connection c = db.connect()) {
            BackfillStatus status = jobs.status(c).get(0);
            assertThat(status.status()).isEqualTo("failed");
            assertThat(status.lastError()).contains("no_pending");
        }
        assertThat(worker.runPending().results()).as("a failed job waits for retry").isEmpty();
        db.execute("ALTER TABLE orders DROP CONSTRAINT no_pending");
        try (Connection c = db.connect()) {
            jobs.retry(c, "orders-status");
        }
        assertThat(worker.runPending().complete()).isTrue();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void twoFlywayMigrateRunsAtOnceQueueOneJobAndItsRowsAreUpdatedOnce(TestDatabase db) throws Exception {
        // two instances starting together, each running migrate (with either of Flyway's lock kinds)
        for (String transactionalLock : List.of("true", "false")) {
            db.execute("DROP TABLE IF EXISTS orders, flyway_schema_history, zdm_backfill_jobs, zdm_backfill_progress, zdm_backfill_chunks");
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> {
                        Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/backgroundtest")
                                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", transactionalLock)).load();
                        barrier.await();
                        return flyway.migrate().migrationsExecuted;
                    }));
                }
                assertThat(runs.get(0).get() + runs.get(1).get()).as("lock=%s: each migration applied once", transactionalLock)
                        .isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success")).isEqualTo(1);
            assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_jobs")).isEqualTo(1);
            assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_progress")).isEqualTo(1);
            assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_chunks")).isEqualTo(8);
            assertThat(BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none()).runPending().complete()).isTrue();
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).as("lock=%s", transactionalLock).isZero();
        }
    }

    @Test
    void aFlywayMigrationQueuesItAndReturnsAStartedWorkerFinishesItAndTheContractCheckPasses(TestDatabase db) throws Exception {
        Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/backgroundtest").load();
        flyway.migrate(); // Flyway's default lock: nothing long runs in the migration
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 0")).isZero();
        assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(true);
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> V2__queue_orders_status.BACKFILL.requireFinished(c)).isInstanceOf(BackfillException.class);
        }
        BackfillWorker worker = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none())
                .pollInterval(java.time.Duration.ofMillis(100)).start();
        try {
            BackfillTest.waitFor(() -> "done".equals(db.queryValue("SELECT status FROM zdm_backfill_progress")));
        } finally {
            assertThat(worker.stop()).isTrue();
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        try (Connection c = db.connect()) {
            V2__queue_orders_status.BACKFILL.requireFinished(c);
        }
    }
}
