package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's hooks for embedding applications: a pause condition of their own, and a listener for metrics. */
@WithPostgres
class BackfillWorkerHooksTest {

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void theListenerHearsEveryCommittedRowAndEachBatchSize(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 3_000);
        try (Connection c = db.connect()) {
            BackgroundBackfillTest.job(BackfillTest.FAST.withBatchSize(200, 100, 400).withWorkers(2)).enqueue(c);
        }
        AtomicLong rows = new AtomicLong();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        List<Duration> times = new CopyOnWriteArrayList<>();
        BackfillWorker.Report report = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none())
                .listener(new BackfillListener() {
                    @Override
                    public void batchCommitted(String id, long batchRows, int batchSize, Duration took) {
                        assertThat(id).isEqualTo("orders-status");
                        rows.addAndGet(batchRows);
                        sizes.add(batchSize);
                        times.add(took);
                    }
                }).runPending();
        assertThat(report.complete()).isTrue();
        assertThat(rows.get()).isEqualTo(db.queryLong("SELECT count(*) FROM orders")).isEqualTo(db.queryLong("SELECT count(*) FROM orders WHERE touched = 1"));
        assertThat(sizes).isNotEmpty().allMatch(s -> s >= 100 && s <= 400);
        assertThat(times).allMatch(t -> !t.isNegative() && !t.isZero());
    }

    @Test
    void whileThePauseConditionGivesAReasonNoBatchRunsAndTheWaitIsToldWhenItEnds(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 2_000);
        try (Connection c = db.connect()) {
            BackgroundBackfillTest.job(BackfillTest.FAST).enqueue(c);
        }
        AtomicBoolean down = new AtomicBoolean(true);
        List<String> waits = new CopyOnWriteArrayList<>();
        AtomicLong waitedMillis = new AtomicLong();
        BackfillWorker worker = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none()).pollInterval(Duration.ofMillis(100))
                .pauseCondition(c -> down.get() ? Optional.of("application health is DOWN") : Optional.empty())
                .listener(new BackfillListener() {
                    @Override
                    public void waited(String id, String reason, Duration waited) {
                        waits.add(reason);
                        waitedMillis.addAndGet(waited.toMillis());
                    }
                }).start();
        try {
            Thread.sleep(1_500);
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 0")).as("nothing while paused").isZero();
            assertThat(waits).as("told only when the wait ends").isEmpty();
            down.set(false);
            waitFor(() -> {
                try {
                    return db.queryLong("SELECT count(*) FROM zdm_backfill_progress WHERE status = 'done'") == 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the job to finish");
        } finally {
            assertThat(worker.stop(Duration.ofSeconds(60))).isTrue();
        }
        assertThat(waits).contains("application health is DOWN");
        assertThat(waitedMillis.get()).isGreaterThanOrEqualTo(1_000);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void aFailingListenerNeverStopsTheBackfill(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 1_000);
        try (Connection c = db.connect()) {
            BackgroundBackfillTest.job(BackfillTest.FAST).enqueue(c);
        }
        BackfillWorker.Report report = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none())
                .listener(new BackfillListener() {
                    @Override
                    public void batchCommitted(String id, long rows, int batchSize, Duration took) {
                        throw new IllegalStateException("metrics registry is broken");
                    }
                }).runPending();
        assertThat(report.complete()).isTrue();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }
}
