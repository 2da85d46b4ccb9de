package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of the JVM running a backfill, then resume: every row updated exactly once. */
@WithPostgres
class BackfillCrashTest {

    @Test
    void resumesAfterTheJvmIsKilledMidway(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 20_000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BackfillChild.class.getName(), db.jdbcUrl(), db.user(), db.password()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BackfillTest.waitFor(() -> BackfillTest.rowsDone(db) >= 1_000);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client side
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long committed = BackfillTest.rowsDone(db);
        long total = db.queryLong("SELECT count(*) FROM orders");
        assertThat(committed).isLessThan(total);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 1")).isEqualTo(committed);
        try (Connection c = db.connect()) {
            BackfillResult resumed = BackfillTest.statusBackfill(BackfillTest.FAST).run(c);
            assertThat(resumed.rowsUpdated()).isEqualTo(total - committed);
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }
}
