package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class BackfillTest {

    /** Small batches and no pause, so tests see many batches quickly. */
    static final BackfillOptions FAST = BackfillOptions.defaults().withBatchSize(100, 10, 1_000).withPause(Duration.ZERO)
            .withHealthCheck(HealthCheck.none());

    static void ordersTable(TestDatabase db, int rows) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)",
                "INSERT INTO orders (id) SELECT g FROM generate_series(1, " + rows + ") g WHERE g % 7 <> 3"); // sparse keys
    }

    static Backfill statusBackfill(BackfillOptions options) {
        return Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1").where("status IS NULL")
                .options(options).build();
    }

    @Test
    void updatesEveryRowExactlyOnceAndARerunIsANoOp(TestDatabase db) throws Exception {
        ordersTable(db, 5_000);
        long rows = db.queryLong("SELECT count(*) FROM orders");
        BackfillResult result;
        try (Connection c = db.connect()) {
            result = statusBackfill(FAST).run(c);
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(result.rowsUpdated()).isEqualTo(rows);
        assertThat(result.batches()).isGreaterThan(1);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1 OR status IS NULL")).isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
        try (Connection c = db.connect()) {
            BackfillResult again = statusBackfill(FAST).run(c);
            assertThat(again.alreadyDone()).isTrue();
            assertThat(again.rowsTotal()).isEqualTo(rows);
        }
        assertThat(db.queryLong("SELECT max(touched) FROM orders")).isEqualTo(1);
    }

    @Test
    void resumesExactlyAfterTheLastCommittedBatchWhenItsBackendIsKilled(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        BackfillOptions slow = FAST.withPause(Duration.ofMillis(20)).withBatchSize(200, 200, 200);
        try (Connection c = db.connect(); Connection killer = db.connect(); Statement k = killer.createStatement()) {
            long pid = pid(c);
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    statusBackfill(slow).run(c);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            waitFor(() -> rowsDone(db) >= 2_000);
            k.execute("SELECT pg_terminate_backend(" + pid + ")");
            assertThat(run.get(30, TimeUnit.SECONDS)).isInstanceOf(BackfillException.class).hasMessageContaining("Run it again to resume");
        }
        long doneBefore = db.queryLong("SELECT rows_done FROM zdm_backfill_progress");
        assertThat(doneBefore).isBetween(2_000L, db.queryLong("SELECT count(*) FROM orders") - 1);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 1")).isEqualTo(doneBefore);
        try (Connection c = db.connect()) {
            BackfillResult resumed = statusBackfill(slow.withPause(Duration.ZERO)).run(c);
            assertThat(resumed.rowsTotal()).isEqualTo(db.queryLong("SELECT count(*) FROM orders"));
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void aDataSourceRunReconnectsAndGoesOnAfterLosingItsBackend(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        BackfillOptions slow = FAST.withPause(Duration.ofMillis(20)).withBatchSize(200, 200, 200);
        CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return statusBackfill(slow).run(db.dataSource());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> rowsDone(db) >= 2_000);
        db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
        BackfillResult result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.retries()).isGreaterThanOrEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void aBatchBlockedByTheApplicationWaitsRetriesAndFinishes(TestDatabase db) throws Exception {
        ordersTable(db, 2_000);
        try (Connection app = db.connect(); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SELECT * FROM orders WHERE id = 501 FOR UPDATE"); // the application holds a row lock
            CompletableFuture.runAsync(() -> sleep(1_500)).thenRun(() -> {
                try {
                    app.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            BackfillResult result;
            try (Connection c = db.connect()) {
                result = statusBackfill(FAST.withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(10))).run(c);
            }
            assertThat(result.retries()).isGreaterThanOrEqualTo(1);
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void compositeUuidAndTextKeys(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE events (tenant int, at timestamptz, seq int, v text, PRIMARY KEY (tenant, at, seq))",
                "INSERT INTO events SELECT g % 5, timestamptz '2024-01-01' + (g / 5) * interval '1 minute', g, NULL FROM generate_series(1, 3000) g",
                "CREATE TABLE docs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), v text)",
                "INSERT INTO docs (v) SELECT NULL FROM generate_series(1, 1500)",
                "CREATE TABLE tags (name text PRIMARY KEY, v text)",
                "INSERT INTO tags SELECT 'tag-' || g, NULL FROM generate_series(1, 1200) g");
        try (Connection c = db.connect()) {
            Backfill.of("events").key("tenant", "at", "seq").set("v = 'x'").options(FAST).build().run(c);
            Backfill.of("docs").key("id").set("v = 'x'").options(FAST).build().run(c);
            Backfill.of("tags").key("name").set("v = 'x'").options(FAST).build().run(c);
        }
        assertThat(db.queryLong("SELECT count(*) FROM events WHERE v IS NULL")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM docs WHERE v IS NULL")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM tags WHERE v IS NULL")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM zdm_backfill_progress WHERE status = 'done'")).isEqualTo(3);
    }

    @Test
    void rowsInsertedDuringTheBackfillDoNotKeepItRunning(TestDatabase db) throws Exception {
        ordersTable(db, 10_000);
        long before = db.queryLong("SELECT max(id) FROM orders");
        CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> {
            try (Connection c = db.connect()) {
                return statusBackfill(FAST.withPause(Duration.ofMillis(10)).withBatchSize(100, 100, 100)).run(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> rowsDone(db) > 0);
        for (int i = 1; i <= 200; i++) {
            db.execute("INSERT INTO orders (id) VALUES (" + (before + i) + ")"); // the application keeps inserting
        }
        run.get(60, TimeUnit.SECONDS);
        assertThat(db.queryValue("SELECT upper_key[1] FROM zdm_backfill_progress")).isEqualTo(String.valueOf(before));
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE id <= " + before + " AND touched <> 1")).isZero();
        // new rows are the application's (or a dual-write trigger's) job: the backfill stopped at its snapshot
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE id > " + before + " AND touched = 0")).isEqualTo(200);
    }

    @Test
    void hostileIdentifiersAreQuoted(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE victim (id int)",
                "CREATE TABLE \"we\"\"ird; DROP TABLE victim; --\" (\"k\"\"ey\" int PRIMARY KEY, v text)",
                "INSERT INTO \"we\"\"ird; DROP TABLE victim; --\" SELECT g, NULL FROM generate_series(1, 300) g");
        try (Connection c = db.connect()) {
            Backfill.of("we\"ird; DROP TABLE victim; --").key("k\"ey").set("v = 'ok'").options(FAST).build().run(c);
        }
        assertThat(db.queryLong("SELECT count(*) FROM \"we\"\"ird; DROP TABLE victim; --\" WHERE v = 'ok'")).isEqualTo(300);
        assertThat(db.queryValue("SELECT to_regclass('victim') IS NOT NULL")).isEqualTo(true);
    }

    @Test
    void pausedBackfillsWaitAndCancelledOnesStopWithTheirCheckpoint(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        BackfillOptions slow = FAST.withPause(Duration.ofMillis(20)).withBatchSize(200, 200, 200);
        CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> {
            try (Connection c = db.connect()) {
                return statusBackfill(slow).run(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> rowsDone(db) >= 1_000);
        db.execute("UPDATE zdm_backfill_progress SET status = 'paused'");
        sleep(400);
        long paused = db.queryLong("SELECT rows_done FROM zdm_backfill_progress");
        sleep(600);
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(paused);
        assertThat(run).isNotDone();
        db.execute("UPDATE zdm_backfill_progress SET status = 'running'");
        assertThat(run.get(60, TimeUnit.SECONDS).rowsTotal()).isEqualTo(db.queryLong("SELECT count(*) FROM orders"));
        // the batch that ran into the pause (its status reading is up to a second old) was refused and rolled back
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();

        db.execute("UPDATE orders SET status = NULL", "DELETE FROM zdm_backfill_progress");
        CompletableFuture<BackfillResult> second = CompletableFuture.supplyAsync(() -> {
            try (Connection c = db.connect()) {
                return statusBackfill(slow).run(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> rowsDone(db) >= 1_000);
        db.execute("UPDATE zdm_backfill_progress SET status = 'cancelled'");
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(BackfillException.class)
                .hasMessageContaining("cancelled");
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isBetween(1_000L, 19_999L);
    }

    @Test
    void dryRunReportsTheWorkWithoutWriting(TestDatabase db) throws Exception {
        ordersTable(db, 5_000);
        db.execute("ANALYZE orders");
        BackfillResult dry;
        try (Connection c = db.connect()) {
            dry = statusBackfill(FAST).dryRun(c);
        }
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.upperKey()).isEqualTo("5000");
        assertThat(dry.estimatedRows()).isBetween(4_000L, 5_000L);
        assertThat(dry.estimatedBatches()).isGreaterThanOrEqualTo(40);
        assertThat(db.queryValue("SELECT to_regclass('zdm_backfill_progress')")).isNull();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE status IS NOT NULL")).isZero();
    }

    @Test
    void batchSizeAdaptsTowardTheTargetDuration(TestDatabase db) throws Exception {
        ordersTable(db, 60_000);
        BackfillResult result;
        try (Connection c = db.connect()) {
            result = statusBackfill(FAST.withBatchSize(10, 10, 50_000).withTargetBatchTime(Duration.ofMillis(100))).run(c);
        }
        assertThat(result.finalBatchSize()).isGreaterThan(100); // grew from 10 because 10-row batches take far less than 100 ms
    }

    /** rows_done of the only checkpoint, 0 until the checkpoint table exists. */
    static long rowsDone(TestDatabase db) throws Exception {
        try {
            return db.queryLong("SELECT coalesce(max(rows_done), 0) FROM zdm_backfill_progress");
        } catch (java.sql.SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    static long pid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(20);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
