package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class LockOrderTest {

    /**
     * Rows stored in reverse key order, so a plain UPDATE scanning the heap would lock 20, 19, ... first. A batch
     * blocked at key 10 by the application must hold exactly the keys below 10: it locks in key order, so it cannot
     * deadlock with application transactions that also lock in key order.
     */
    @Test
    void aBatchLocksItsRowsInKeyOrderWhateverTheirPhysicalOrder(TestDatabase db) throws Exception {
        blockedBatchHoldsOnlyTheKeysBelowTen(db, 20, 100); // a sequential scan: the batch locks in a separate pass
    }

    @Test
    void aBatchWhoseUpdateWalksTheKeyIndexLocksInKeyOrderWithoutTheExtraPass(TestDatabase db) throws Exception {
        blockedBatchHoldsOnlyTheKeysBelowTen(db, 20_000, 20); // an index scan of the primary key: the UPDATE's own order
    }

    private static void blockedBatchHoldsOnlyTheKeysBelowTen(TestDatabase db, int rows, int batch) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)",
                "INSERT INTO orders (id) SELECT g FROM generate_series(" + rows + ", 1, -1) g", "ANALYZE orders");
        BackfillOptions oneBatch = BackfillTest.FAST.withBatchSize(batch, batch, batch).withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30));
        try (Connection app = db.connect(); Statement a = app.createStatement(); Connection probe = db.connect()) {
            app.setAutoCommit(false);
            a.execute("SELECT 1 FROM orders WHERE id = 10 FOR UPDATE");
            CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> {
                try (Connection c = db.connect()) {
                    return BackfillTest.statusBackfill(oneBatch).run(c);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            BackfillTest.waitFor(() -> db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND datname = current_database()") == 1);
            List<Long> unlocked = unlockedKeys(probe);
            assertThat(unlocked).hasSize(rows - 10).first().isEqualTo(11L);
            app.commit();
            assertThat(run.get(30, TimeUnit.SECONDS).rowsUpdated()).isEqualTo(rows);
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    /** Keys nobody holds a lock on (SKIP LOCKED passes over the others: 10 is the application's, 1-9 the batch's). */
    private static List<Long> unlockedKeys(Connection probe) throws Exception {
        List<Long> keys = new ArrayList<>();
        probe.setAutoCommit(false);
        try (Statement s = probe.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM orders ORDER BY id FOR NO KEY UPDATE SKIP LOCKED")) {
            while (rs.next()) {
                keys.add(rs.getLong(1));
            }
        } finally {
            probe.rollback();
        }
        return keys;
    }
}
