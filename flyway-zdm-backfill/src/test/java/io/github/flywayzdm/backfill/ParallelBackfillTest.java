package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    void aStoppedWorkersChunksAreTakenOverAtOnceAndResumedAfterTheirLastBatch(TestDatabase db) throws Exception {
        cancelledAfter(db, 2_000);
        // the workers stopped holding their chunks: leases still valid, chunks half done, but their sessions are gone
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE status = 'running' AND last_key IS NOT NULL "
                + "AND leased_until > now()")).isPositive();
        assertThatThrownBy(() -> verified(FAST.withWorkers(2)).run(db.dataSource())).hasMessageContaining("Backfill.resume");

        BackfillResult rest = verified(FAST.withWorkers(2)).resume(db.dataSource());
        assertThat(rest.complete()).isTrue();
        assertThat(rest.rowsLeft()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(rest.rowsTotal()).isEqualTo(db.queryLong("SELECT count(*) FROM orders"));
        assertThat(rest.rowsUpdated()).as("only the rest was done").isBetween(1L, rest.rowsTotal() - 2_000);
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }

    @Test
    void aLiveHoldersChunksAreNeverTakenFromItTheRerunHelpsWithTheRestAndWaits(TestDatabase db) throws Exception {
        // enough rows that the first instance cannot finish in the second it may keep going before it reads the hold
        ordersTable(db, 100_000);
        AtomicBoolean hold = new AtomicBoolean();
        BackfillOptions holder = FAST.withWorkers(2).withBatchSize(100, 100, 100).withPause(Duration.ofMillis(5))
                .withHealthCheck(c -> hold.get() ? Optional.of("held by the test") : Optional.empty());
        CompletableFuture<BackfillResult> first = CompletableFuture.supplyAsync(() -> run(verified(holder), db));
        waitFor(() -> chunkRowsDone(db) >= 1_000);
        hold.set(true); // the first instance stays alive, holding its chunks, committing nothing
        waitFor(() -> db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE status = 'running'") == 2);
        Thread.sleep(2_500); // the workers read the health check (at most a second apart) and any batch in flight commits
        List<String> heldBefore = chunkWorkers(db);
        long held = db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE status = 'running'");
        assertThat(held).as("chunks the first instance holds").isPositive();

        CompletableFuture<BackfillResult> second = CompletableFuture.supplyAsync(() -> run(verified(FAST.withWorkers(2)), db));
        waitFor(() -> db.queryLong("SELECT count(*) FROM zdm_backfill_chunks WHERE status <> 'done'") == held);
        Thread.sleep(1_500); // the second instance waits now; it must not touch the held chunks
        assertThat(second).isNotDone();
        assertThat(chunkWorkers(db)).isEqualTo(heldBefore);

        hold.set(false);
        BackfillResult a = first.get(60, TimeUnit.SECONDS);
        BackfillResult b = second.get(60, TimeUnit.SECONDS);
        assertThat(b.complete()).isTrue();
        assertThat(a.complete()).isTrue();
        assertThat(a.rowsUpdated() + b.rowsUpdated()).isEqualTo(db.queryLong("SELECT count(*) FROM orders"));
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }

    @Test
    void aLiveHolderThatStoppedCommittingLeavesTheRunIncompleteNamingItsPid(TestDatabase db) throws Exception {
        BackfillOptions slow = cancelledAfter(db, 1_000);
        int stuckChunk = (int) db.queryLong("SELECT max(chunk) FROM zdm_backfill_chunks");
        try (Connection stuck = db.connect(); Statement s = stuck.createStatement()) {
            // a session that holds a chunk and does nothing (a hung process whose connection is still open)
            s.execute("SELECT pg_advisory_lock(" + ("zdm_backfill_chunk:" + verified(slow).id()).hashCode() + ", " + stuckChunk + ")");
            s.execute("UPDATE zdm_backfill_chunks SET status = 'running', leased_until = now() - interval '1 second' WHERE chunk = " + stuckChunk);
            long pid = db.queryLong("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = " + stuckChunk);

            BackfillResult incomplete = verified(FAST.withWorkers(2)).resume(db.dataSource());
            assertThat(incomplete.complete()).isFalse();
            assertThat(incomplete.unfinished()).contains("pid " + pid).contains("pg_terminate_backend");
            assertThat(incomplete.toString()).contains("INCOMPLETE");
            assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 0")).isPositive();
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).isZero();
        }
        // the stuck session is gone: the next run takes its chunk over and finishes
        BackfillResult rest = verified(FAST.withWorkers(2)).resume(db.dataSource());
        assertThat(rest.complete()).isTrue();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    private static List<String> chunkWorkers(TestDatabase db) throws Exception {
        List<String> workers = new java.util.ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT chunk || ' ' || worker || ' ' || coalesce(last_key::text, '') "
                     + "FROM zdm_backfill_chunks WHERE status = 'running' ORDER BY chunk")) {
            while (rs.next()) {
                workers.add(rs.getString(1));
            }
        }
        return workers;
    }

    @Test
    void aWorkersFailureIsReportedWithItsCauseNotAsTheOthersStopping(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        db.execute("CREATE FUNCTION orders_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.id = 17000 THEN RAISE EXCEPTION 'order % is broken', NEW.id; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER orders_fail BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_fail()");
        for (int attempt = 0; attempt < 2; attempt++) { // whichever worker meets the row, the message is the same
            assertThatThrownBy(() -> verified(FAST.withWorkers(2)).run(db.dataSource())).isInstanceOf(BackfillException.class)
                    .hasMessageContaining("order 17000 is broken").hasMessageContaining("Run it again to resume");
            assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("failed");
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).isZero();
        db.execute("DROP TRIGGER orders_fail ON orders");
        assertThat(verified(FAST.withWorkers(2)).run(db.dataSource()).complete()).isTrue();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
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

    /**
     * 20,000 orders; a slow two-worker run that an operator cancels once {@code rowsDone} rows are committed, and
     * that stops saying so. Returns the run's options.
     */
    private static BackfillOptions cancelledAfter(TestDatabase db, long rowsDone) throws Exception {
        ordersTable(db, 20_000);
        BackfillOptions slow = FAST.withWorkers(2).withBatchSize(100, 100, 100).withPause(Duration.ofMillis(10));
        CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> run(verified(slow), db));
        waitFor(() -> chunkRowsDone(db) >= rowsDone);
        db.execute("UPDATE zdm_backfill_progress SET status = 'cancelled'");
        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
        return slow;
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
