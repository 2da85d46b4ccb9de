package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class HealthCheckTest {

    @Test
    void lockWaitsHoldTheBackfillBackUntilTheQueueDrains(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 3_000);
        db.execute("CREATE TABLE jobs (id int)");
        BackfillOptions options = BackfillTest.FAST.withHealthCheck(HealthCheck.lockWaits(Duration.ofMillis(200)));
        try (Connection holder = db.connect(); Statement h = holder.createStatement();
             Connection waiter = db.connect(); Connection probe = db.connect()) {
            holder.setAutoCommit(false);
            h.execute("LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE"); // a stuck transaction, and a session queued behind it
            CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> {
                try (Statement w = waiter.createStatement()) {
                    w.execute("SELECT count(*) FROM jobs");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            BackfillTest.waitFor(() -> HealthCheck.lockWaits(Duration.ofMillis(200)).waitReason(probe).isPresent());
            assertThat(HealthCheck.lockWaits(Duration.ofMillis(200)).waitReason(probe).orElseThrow())
                    .startsWith("1 session(s) waiting on a lock for more than 200 ms");
            assertThat(HealthCheck.lockWaits(Duration.ofMinutes(5)).waitReason(probe)).isEmpty();

            CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> {
                try (Connection c = db.connect()) {
                    return BackfillTest.statusBackfill(options).run(c);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_000);
            assertThat(run).isNotDone();
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 0")).isZero();
            holder.commit();
            queued.get(10, TimeUnit.SECONDS);
            assertThat(run.get(30, TimeUnit.SECONDS).rowsUpdated()).isEqualTo(db.queryLong("SELECT count(*) FROM orders"));
        }
    }

    @Test
    void andWaitsForTheFirstReasonItFinds(TestDatabase db) throws Exception {
        HealthCheck busy = c -> Optional.of("busy");
        try (Connection c = db.connect()) {
            assertThat(HealthCheck.none().and(busy).waitReason(c)).contains("busy");
            assertThat(busy.and(c2 -> Optional.of("other")).waitReason(c)).contains("busy");
            assertThat(HealthCheck.none().and(HealthCheck.none()).waitReason(c)).isEmpty();
        }
    }
}
