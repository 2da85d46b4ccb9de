package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static io.github.flywayzdm.backfill.FlywayBackfillCrashTest.flyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user's flows with real Flyway when a BackfillMigration stops (db/backfillcrash: V1 creates 20,000 items, V2
 * backfills them counting every update): cancelled, failed, refused under Flyway's transactional lock. Each one
 * resumes with the one step its message names, and every row ends updated exactly once.
 */
@WithPostgres
class FlywayBackfillStopTest {

    @AfterEach
    void fastAgain() {
        System.clearProperty("zdm.test.pauseMs");
        System.clearProperty("zdm.test.workers");
    }

    @Test
    void aCancelledBackfillResumesWithFlywayRepairThenMigrate(TestDatabase db) throws Exception {
        System.setProperty("zdm.test.pauseMs", "10");
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> flyway(db.dataSource()).migrate());
        waitFor(() -> updated(db) >= 2_000);
        db.execute("UPDATE zdm_backfill_progress SET status = 'cancelled'");
        Throwable stopped = failure(run);
        assertThat(messages(stopped)).contains("was cancelled").contains("run flyway repair, then flyway migrate resumes");
        assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(false);
        long before = updated(db);
        assertThat(before).isBetween(2_000L, 19_999L);

        System.clearProperty("zdm.test.pauseMs");
        assertThatThrownBy(() -> flyway(db.dataSource()).migrate()).as("Flyway itself refuses until repair")
                .hasMessageContaining("repair");
        assertThat(updated(db)).isEqualTo(before);

        flyway(db.dataSource()).repair(); // the one step
        flyway(db.dataSource()).migrate();
        assertEveryRowUpdatedOnce(db);
    }

    @Test
    void aFailedBackfillResumesWithFlywayRepairThenMigrate(TestDatabase db) throws Exception {
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/backfillcrash").target("1").load().migrate();
        db.execute("CREATE TABLE fail_switch (on_key bigint)", "INSERT INTO fail_switch VALUES (15002)",
                "CREATE FUNCTION items_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF EXISTS (SELECT 1 FROM fail_switch WHERE on_key = NEW.id) THEN RAISE EXCEPTION 'item % is broken', NEW.id; END IF; "
                        + "RETURN NEW; END $$",
                "CREATE TRIGGER items_fail BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION items_fail()");
        assertThat(messages(failure(CompletableFuture.runAsync(() -> flyway(db.dataSource()).migrate()))))
                .contains("item 15002 is broken").contains("stopped after 1 attempt(s)")
                .contains("run flyway repair, then flyway migrate resumes");
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("failed");
        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n > 1")).isZero();
        assertThat(updated(db)).isBetween(1L, 19_999L);

        db.execute("DELETE FROM fail_switch"); // the user fixes the cause
        flyway(db.dataSource()).repair();
        flyway(db.dataSource()).migrate();
        assertEveryRowUpdatedOnce(db);
    }

    @Test
    void underFlywaysTransactionalLockTheBackfillIsRefusedBeforeAnyRowIsChanged(TestDatabase db) throws Exception {
        Flyway withLock = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/backfillcrash").load();
        assertThat(messages(failure(CompletableFuture.runAsync(withLock::migrate)))).contains("flyway.postgresql.transactional.lock=false")
                .contains("FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false").contains("spring.flyway.postgresql.transactional-lock=false")
                .contains("No row was changed");
        // under its transactional lock Flyway rolls back its history writes too: no failed row, no repair needed
        assertThat(db.queryValue("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).isEqualTo(0L);
        assertThat(updated(db)).isZero();
        assertThat(db.queryValue("SELECT to_regclass('zdm_backfill_progress') IS NULL")).isEqualTo(true);

        flyway(db.dataSource()).migrate(); // with the lock off, as the message says
        assertEveryRowUpdatedOnce(db);
    }

    @Test
    void noSuccessIsRecordedWhileALiveButStalledSessionHoldsAChunk(TestDatabase db) throws Exception {
        System.setProperty("zdm.test.pauseMs", "10");
        System.setProperty("zdm.test.workers", "2");
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> flyway(db.dataSource()).migrate());
        waitFor(() -> updated(db) >= 1_000);
        db.execute("UPDATE zdm_backfill_progress SET status = 'cancelled'");
        assertThat(messages(failure(run))).contains("was cancelled");
        System.clearProperty("zdm.test.pauseMs");
        int chunk = (int) db.queryLong("SELECT max(chunk) FROM zdm_backfill_chunks WHERE status <> 'done'");
        try (java.sql.Connection stuck = db.connect(); java.sql.Statement s = stuck.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + "zdm_backfill_chunk:count-every-update".hashCode() + ", " + chunk + ")");
            s.execute("UPDATE zdm_backfill_chunks SET status = 'running', leased_until = now() - interval '1 second' WHERE chunk = " + chunk);
            flyway(db.dataSource()).repair();
            assertThat(messages(failure(CompletableFuture.runAsync(() -> flyway(db.dataSource()).migrate()))))
                    .contains("is not finished").contains("pg_terminate_backend").contains("run flyway repair, then flyway migrate");
            assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(false);
            assertThat(updated(db)).isLessThan(20_000);
        }
        flyway(db.dataSource()).repair(); // the stuck session is gone
        flyway(db.dataSource()).migrate();
        assertEveryRowUpdatedOnce(db);
    }

    private static void assertEveryRowUpdatedOnce(TestDatabase db) throws Exception {
        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n <> 1 OR NOT done")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM items")).isEqualTo(20_000);
        assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(true);
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }

    private static Throwable failure(CompletableFuture<Void> run) throws Exception {
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the migrate did not fail");
    }

    /** Flyway wraps a migration's exception ("Migration failed !"): every message of the chain. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static long updated(TestDatabase db) {
        try {
            return db.queryLong("SELECT count(*) FROM items WHERE n > 0");
        } catch (Exception e) {
            return 0;
        }
    }
}
