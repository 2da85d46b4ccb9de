package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FlywayBackfillChild.class.getName(), db.jdbcUrl(), db.user(), db.password(), String.valueOf(workers)))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "flyway-backfill-child-" + workers + ".log").toFile()).start();
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

    private static long updated(TestDatabase db) {
        try {
            return db.queryLong("SELECT count(*) FROM items WHERE n > 0");
        } catch (Exception e) {
            return 0;
        }
    }
}
