package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a batch costs in round trips, counted on the connection: the transaction's settings sent together with the
 * boundary probe, the UPDATE, the checkpoint and the commit. The status and the health check are read once a second, the plan is checked
 * again only when the batch grows or after a while, not before every batch.
 */
@WithPostgres
class BatchRoundTripsTest {

    @Test
    void aBatchIsFourRoundTripsAndTheStatusHealthAndPlanAreNotReadBeforeEveryBatch(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 20_000);
        db.execute("ANALYZE orders"); // statistics: the planner walks the key index, so no separate locking pass
        AtomicLong healthChecks = new AtomicLong();
        HealthCheck lockWaits = HealthCheck.lockWaits(java.time.Duration.ofSeconds(1));
        BackfillOptions options = BackfillTest.FAST.withBatchSize(100, 100, 100)
                .withHealthCheck(c -> {
                    healthChecks.incrementAndGet();
                    return lockWaits.waitReason(c);
                });
        RoundTrips trips = new RoundTrips();
        BackfillResult result;
        try (Connection c = trips.wrap(db.connect())) {
            result = BackfillTest.statusBackfill(options).run(c);
        }
        long rows = db.queryLong("SELECT count(*) FROM orders");
        assertThat(result.rowsUpdated()).isEqualTo(rows);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        long batches = result.batches();
        long seconds = result.elapsed().toSeconds() + 1;
        System.out.printf("%d batches in %d ms: %d round trips (%.2f per batch), %d health checks: %s%n", batches,
                result.elapsed().toMillis(), trips.total(), trips.total() / (double) batches, healthChecks.get(), trips);

        assertThat(batches).isGreaterThanOrEqualTo(rows / 100);
        assertThat(trips.of("UPDATE \"orders\"")).isEqualTo(batches);
        assertThat(trips.of("COMMIT")).isGreaterThanOrEqualTo(batches);
        assertThat(healthChecks.get()).as("health checks, once a second").isBetween(1L, seconds + 1);
        assertThat(trips.of("EXPLAIN UPDATE")).as("plan checks: the first, then every 10 s").isBetween(1L, seconds / 10 + 2);
        assertThat(trips.of("SELECT count(*)")).as("no locking pass: the UPDATE walks the key index").isZero();
        // the settings travel with the OFFSET probe, inside the batch's transaction: one SET LOCAL statement per batch
        assertThat(trips.of("SET LOCAL")).as("settings and boundary probe, together").isBetween(batches, batches + 2);
        assertThat(trips.of("SELECT \"id\"")).as("no separate boundary probe").isLessThanOrEqualTo(2);
        // per batch: settings with the probe, UPDATE, checkpoint, COMMIT; around them: setup and the once-a-second reads
        assertThat(trips.total()).as(trips.toString()).isLessThanOrEqualTo(4 * batches + 4 * seconds + 40);
    }

    @Test
    void rowsStoredOutOfKeyOrderStillNeedNoLockingPass(TestDatabase db) throws Exception {
        // a table whose rows are not stored in key order, as any table is once a backfill has written new versions of
        // half its rows: statistics then make the planner prefer a bitmap scan, which does not lock in key order
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)",
                "INSERT INTO orders (id) SELECT g FROM generate_series(1, 20000) g ORDER BY md5(g::text)",
                "ANALYZE orders");
        assertThat(db.queryLong("SELECT (abs(correlation) < 0.1)::int FROM pg_stats WHERE tablename = 'orders' AND attname = 'id'"))
                .as("stored out of key order").isEqualTo(1);
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet plan = s.executeQuery("EXPLAIN UPDATE orders SET status = 'x' WHERE id > 5000 AND id <= 5500")) {
            plan.next();
            plan.next();
            assertThat(plan.getString(1)).as("what the planner does on its own").doesNotContain("Index Scan");
        }
        RoundTrips trips = new RoundTrips();
        BackfillResult result;
        try (Connection c = trips.wrap(db.connect())) {
            result = BackfillTest.statusBackfill(BackfillTest.FAST.withBatchSize(500, 500, 500)).run(c);
        }
        assertThat(result.rowsUpdated()).isEqualTo(20_000);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(trips.of("SELECT count(*)")).as("no locking pass: " + trips).isZero();
        assertThat(trips.of("EXPLAIN UPDATE")).as("the plan was checked").isPositive();
    }
}
