package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class BackfillMigrationTest {

    @Test
    void flywayRunsTheBackfillInShortTransactions(TestDatabase db) throws Exception {
        AtomicLong longestTransactionMs = new AtomicLong();
        CompletableFuture<Void> watch;
        try (Connection watcher = db.connect()) {
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            watch = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try (Statement s = watcher.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start) * 1000), 0) "
                                    + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                    + "AND query LIKE '%orders%' AND query NOT LIKE '%pg_stat_activity%'")) {
                        rs.next();
                        longestTransactionMs.accumulateAndGet((long) rs.getDouble(1), Math::max);
                        Thread.sleep(5);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/backfilltest")
                    .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
            running.set(false);
            watch.get();
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1 OR status IS NULL")).isZero();
        assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(true);
        assertThat(longestTransactionMs.get()).as("longest transaction seen on the backfill's backend, ms").isLessThan(1_000);
    }
}
