package io.github.flywayzdm.backfill;

import db.contract.V1__orders_status_not_null;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.flywayzdm.backfill.BackfillTest.FAST;
import static io.github.flywayzdm.backfill.BackfillTest.ordersTable;
import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finish before contract: the migration that relies on a backfill refuses until it finished and its condition holds. */
@WithPostgres
class RequireFinishedTest {

    private static Flyway contract(TestDatabase db) {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/contract").baselineOnMigrate(true)
                .baselineVersion("0").configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
    }

    private static Backfill backfill(BackfillOptions options) {
        return Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1").where("status IS NULL")
                .id("orders-status").verify("status IS NULL").options(options).build();
    }

    @Test
    void theContractMigrationWaitsForTheBackfillAndItsCondition(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        assertThatThrownBy(() -> contract(db).migrate()).rootCause().hasMessageContaining("has not run")
                .hasMessageContaining("no checkpoint 'orders-status'");

        // a backfill running as a job, stopped midway
        CompletableFuture<BackfillResult> job = CompletableFuture.supplyAsync(() -> {
            try {
                return backfill(FAST.withBatchSize(100, 100, 100).withPause(Duration.ofMillis(5))).run(db.dataSource());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> db.queryLong("SELECT count(*) FROM orders WHERE status IS NOT NULL") >= 1_000);
        db.execute("UPDATE zdm_backfill_progress SET status = 'cancelled'");
        assertThatThrownBy(() -> job.get(30, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
        assertThatThrownBy(() -> contract(db).migrate()).rootCause().hasMessageContaining("is not finished (status 'cancelled'");
        assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'status'"))
                .isEqualTo(false);

        try (Connection c = db.connect()) {
            assertThat(backfill(FAST).resume(c).complete()).isTrue();
        }
        db.execute("INSERT INTO orders (id) VALUES (1000000)"); // written after the backfill started, and nothing set it
        assertThatThrownBy(() -> contract(db).migrate()).rootCause().hasMessageContaining("1 row(s) of \"orders\" still match 'status IS NULL'");

        db.execute("UPDATE orders SET status = 'pending', touched = 1 WHERE id = 1000000");
        contract(db).migrate();
        assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'status'"))
                .isEqualTo(true);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        try (Connection c = db.connect()) {
            V1__orders_status_not_null.BACKFILL.requireFinished(c); // and the library call agrees
        }
    }

    @Test
    void theContractMigrationCanFinishTheRestWithinABound(TestDatabase db) throws Exception {
        ordersTable(db, 20_000);
        Flyway bounded = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/contractbounded").baselineOnMigrate(true)
                .baselineVersion("0").configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
        try {
            System.setProperty("zdm.test.boundMs", "0");
            assertThatThrownBy(bounded::migrate).rootCause().hasMessageContaining("is not finished: stopped at its time bound of 0 s");
            assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 0")).isZero();

            BackfillResult part = backfill(FAST.withBatchSize(100, 100, 100).withPause(Duration.ofMillis(20)))
                    .runFor(db.dataSource(), Duration.ofMillis(500));
            assertThat(part.complete()).isFalse();
            assertThat(part.unfinished()).contains("time bound");
            assertThat(part.rowsUpdated()).isBetween(1L, 19_999L);
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 0")).isEqualTo(part.rowsUpdated());

            System.setProperty("zdm.test.boundMs", "60000");
            bounded.migrate();
        } finally {
            System.clearProperty("zdm.test.boundMs");
        }
        assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'status'"))
                .isEqualTo(true);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }
}
