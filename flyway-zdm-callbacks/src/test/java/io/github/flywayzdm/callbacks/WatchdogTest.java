package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.MigrationRecord;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class WatchdogTest {

    @Test
    void cancelsAMigrationThatKeepsAWriterQueued(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().watchdogLimit(Duration.ofMillis(500)).build());
        MigrationDir m = new MigrationDir(db).write("V1__events.sql", "CREATE TABLE events (id bigint);\n");
        m.flyway(callback).migrate();
        m.write("V2__slow.sql", "-- zdm:ignore-file lock-table, statements-after-access-exclusive: test of the watchdog\n"
                + "LOCK TABLE events IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(20);\n");

        Connection writer = db.connect();
        CompletableFuture<Long> write = CompletableFuture.supplyAsync(() -> {
            try (Statement s = writer.createStatement()) {
                waitForExclusiveLock(db);
                long t0 = System.nanoTime();
                s.execute("INSERT INTO events VALUES (1)");
                return (System.nanoTime() - t0) / 1_000_000;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        long started = System.nanoTime();
        assertThatThrownBy(() -> m.flyway(callback).migrate()).isInstanceOf(FlywayException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        long writerWaitedMs = write.get(10, TimeUnit.SECONDS);
        assertThat(writerWaitedMs).isBetween(400L, 5_000L);
        assertThat(db.queryLong("SELECT count(*) FROM events")).isOne();
        MigrationRecord r = callback.lastReport().orElseThrow().migrations().get(0);
        assertThat(r.cancelledByWatchdog()).isTrue();
        assertThat(r.sqlState()).isEqualTo("57014");
        assertThat(r.error()).contains("watchdog").contains("INSERT INTO events");
        assertThat(m.historyRows("2")).isZero();
    }

    private static void waitForExclusiveLock(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.queryLong("SELECT count(*) FROM pg_locks WHERE relation = 'events'::regclass "
                + "AND mode = 'AccessExclusiveLock' AND granted") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("migration never locked the table");
            }
            Thread.sleep(20);
        }
    }
}
