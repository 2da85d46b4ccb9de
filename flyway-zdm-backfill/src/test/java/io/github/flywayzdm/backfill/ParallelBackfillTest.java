package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.flywayzdm.backfill.BackfillTest.FAST;
import static io.github.flywayzdm.backfill.BackfillTest.ordersTable;
import static io.github.flywayzdm.backfill.BackfillTest.statusBackfill;
import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several workers, in one run or in several "application instances", share one backfill through leased chunks. */
@WithPostgres
class ParallelBackfillTest {

    private static Backfill verified(BackfillOptions options) {
        return Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1").where("status IS NULL")
                .verify("status IS NULL").options(options).build();
    }

    @Test
    void twoWorkersShareTheRangeAndNoRowIsUpdatedTwice(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        long rows = db.queryLong("SELECT count(*) FROM orders");
        BackfillResult result = verified(FAST.withWorkers(2)).run(db.dataSource());
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(result.rowsTotal()).isEqualTo(rows);
        assertThat(result.rowsLeft()).isZero();
        assertThat(result.verified()).isTrue();
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE status = 'done'")).isEqualTo(8);
        assertThat(db.queryLong("SELECT count(DISTINCT worker) FROM zdm_backfill_chunks")).as("both workers leased chunks").isEqualTo(2);
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(rows);
        assertThat(verified(FAST.withWorkers(2)).run(db.dataSource()).alreadyDone()).isTrue();
    }

    @Test
    void twoApplicationInstancesRunningTheSameBackfillSplitTheWork(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        BackfillOptions options = FAST.withWorkers(2).withPause(Duration.ofMillis(2));
        CompletableFuture<BackfillResult> first = CompletableFuture.supplyAsync(() -> run(verified(options), db));
        CompletableFuture<BackfillResult> second = CompletableFuture.supplyAsync(() -> run(verified(options), db));
        BackfillResult a = first.get(120, TimeUnit.SECONDS);
        BackfillResult b = second.get(120, TimeUnit.SECONDS);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(a.rowsUpdated() + b.rowsUpdated()).isEqualTo(db.queryLong("SELECT count(*) FROM orders"));
        assertThat(a.rowsUpdated()).isPositive();
        assertThat(b.rowsUpdated()).isPositive();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }

    @Test
    void aDeadWorkersChunkIsTakenOverAfterItsLeaseAndResumedAfterItsLastBatch(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        BackfillOptions slow = FAST.withWorkers(2).withBatchSize(100, 100, 100).withPause(Duration.ofMillis(10));
        CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> run(verified(slow), db));
        waitFor(() -> chunkRowsDone(db) >= 2_000);
        db.execute("UPDATE zdm_backfill_progress SET status = 'cancelled'");
        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
        // the workers "died" holding their chunks: leases still valid, chunks half done
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE status = 'running' AND last_key IS NOT NULL")).isPositive();
        db.execute("UPDATE zdm_backfill_progress SET status = 'running'");

        // a new instance cannot take the leased chunks yet: it does the free ones and leaves the rest
        BackfillResult partial = verified(FAST.withWorkers(2)).run(db.dataSource());
        assertThat(partial.rowsLeft()).isEqualTo(-1);
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");

        db.execute("UPDATE zdm_backfill_chunks SET leased_until = now() - interval '1 second' WHERE status = 'running'");
        BackfillResult rest = verified(FAST.withWorkers(2)).run(db.dataSource());
        assertThat(rest.rowsLeft()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }

    @Test
    void verificationCountsTheRowsStillLeft(TestDatabase db) throws Exception {
        ordersTable(db, 5_000);
        Backfill partial = Backfill.of("orders").key("id").set("status = 'pending'").where("status IS NULL AND id % 10 <> 0")
                .verify("status IS NULL").options(FAST).build();
        BackfillResult result;
        try (Connection c = db.connect()) {
            result = partial.run(c);
        }
        assertThat(result.rowsLeft()).isEqualTo(db.queryLong("SELECT count(*) FROM orders WHERE id % 10 = 0")).isPositive();
        assertThat(result.verified()).isFalse();
        assertThat(result.toString()).contains("VERIFICATION: ");
    }

    @Test
    void parallelWorkersNeedADataSource(TestDatabase db) throws Exception {
        ordersTable(db, 5_000);
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> statusBackfill(FAST.withWorkers(3)).run(c)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("need a DataSource");
        }
    }

    /** 0 until the run has created its chunks. */
    private static long chunkRowsDone(TestDatabase db) {
        try {
            return db.queryLong("SELECT coalesce(sum(rows_done), 0) FROM zdm_backfill_chunks");
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static BackfillResult run(Backfill backfill, TestDatabase db) {
        try {
            return backfill.run(db.dataSource());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
