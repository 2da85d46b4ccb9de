package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's crash: {@code flyway migrate} of a BackfillMigration is killed with kill -9 and run again at once, well
 * within the 60 s chunk lease (a container restarted after an OOM kill). Every row must end updated exactly once, and
 * Flyway must record success only then.
 */
@WithPostgres
class FlywayBackfillCrashTest {

    static Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/backfillcrash")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2, 4})
    void killedMidRunAndRerunAtOnceUpdatesEveryRowExactlyOnce(int workers, TestDatabase db) throws Exception {
        long rows = 20_000; // V1__items.sql
        Process child = child(db, workers);
        try {
            waitFor(() -> updated(db) >= 300L * workers);
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long before = updated(db);
        assertThat(before).as("killed midway").isLessThan(rows);
        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n > 1")).isZero();

        flyway(db.dataSource()).migrate(); // immediately: the dead JVM's chunk leases are all still valid

        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n = 0")).as("rows never updated").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n > 1")).as("rows updated twice").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n = 1 AND done")).isEqualTo(rows);
        assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(true);
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
    }

    @Test
    void aLiveRunInAnotherJvmKeepsItsChunksWhileALibraryRunHelpsAndWaits(TestDatabase db) throws Exception {
        Process child = child(db, 2);
        BackfillResult helper;
        try {
            waitFor(() -> updated(db) >= 300);
            // the same backfill id from this JVM, as another application instance would: it may only take free chunks
            helper = Backfill.of("items").key("id").set("n = n + 1, done = true").id("count-every-update")
                    .options(BackfillTest.FAST.withWorkers(2)).build().run(db.dataSource());
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isZero();
        assertThat(helper.complete()).isTrue();
        assertThat(helper.rowsUpdated()).as("the helper did part of the work, not all").isBetween(1L, 20_000L - 300);
        assertThat(db.queryLong("SELECT count(*) FROM items WHERE n <> 1")).isZero();
        assertThat(db.queryValue("SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo(true);
    }

    private static Process child(TestDatabase db, int workers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FlywayBackfillChild.class.getName(), db.jdbcUrl(), db.user(), db.password(), String.valueOf(workers)))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "flyway-backfill-child-" + workers + ".log").toFile()).start();
    }

    private static long updated(TestDatabase db) {
        try {
            return db.queryLong("SELECT count(*) FROM items WHERE n > 0");
        } catch (Exception e) {
            return 0;
        }
    }
}
