package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which estimate progress uses, decided on a real server's statistics. */
@WithPostgres
class RowEstimateTest {

    @Test
    void staleStatisticsGiveWayToTheKeyRangeAndFreshOnesAreUsed(TestDatabase db) throws Exception {
        // analyzed at 1,000 rows, then loaded to 100,000: reltuples says 1,000 (the "139,000 rows (0%)" case)
        db.execute("CREATE TABLE big (id bigint PRIMARY KEY, v int) WITH (autovacuum_enabled = false)", "INSERT INTO big SELECT g, 0 FROM generate_series(1, 1000) g",
                "ANALYZE big", "INSERT INTO big SELECT g, 0 FROM generate_series(1001, 100000) g", "ALTER TABLE big ADD COLUMN status text");
        published(db, "n_mod_since_analyze >= 99000");
        try (Connection c = db.connect()) {
            KeyRange range = new KeyRange(List.of("id"), List.of("bigint"));
            RowEstimate stale = RowEstimate.of(c, "\"big\"", range, new String[] {"100000"});
            assertThat(stale.byRows()).isFalse();
            assertThat(stale.byKeys()).isTrue();
            assertThat(stale.keyShare(new String[] {"25000"})).isCloseTo(0.25, within(0.001));
            assertThat(stale.keyShare(null, new String[] {"1"})).isCloseTo(0.00001, within(0.000001));

            db.execute("ANALYZE big");
            published(db, "last_analyze IS NOT NULL AND n_mod_since_analyze = 0");
            RowEstimate fresh = RowEstimate.of(c, "\"big\"", range, new String[] {"100000"});
            assertThat(fresh.byRows()).isTrue();
            assertThat(fresh.rows()).isBetween(90_000L, 110_000L);
        }
    }

    /** Before PostgreSQL 15 the statistics collector publishes with a delay (about half a second): wait up to 10 s. */
    private static void published(TestDatabase db, String condition) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!Boolean.TRUE.equals(db.queryValue("SELECT " + condition + " FROM pg_stat_user_tables WHERE relname = 'big'"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void aNonNumericKeyWithStaleStatisticsIsUnknown(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (k text PRIMARY KEY)", "INSERT INTO t SELECT md5(g::text) FROM generate_series(1, 1000) g");
        try (Connection c = db.connect()) {
            RowEstimate estimate = RowEstimate.of(c, "\"t\"", new KeyRange(List.of("k"), List.of("text")), new String[] {"zzz"});
            assertThat(estimate.byRows()).isFalse();
            assertThat(estimate.byKeys()).isFalse();
        }
    }
}
