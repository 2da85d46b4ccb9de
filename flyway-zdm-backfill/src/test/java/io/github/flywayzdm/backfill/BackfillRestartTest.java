package io.github.flywayzdm.backfill;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.embedded.PgVersions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.flywayzdm.backfill.BackfillTest.FAST;
import static io.github.flywayzdm.backfill.BackfillTest.statusBackfill;
import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** A real PostgreSQL restart (its own embedded server, stopped and started on the same data) in the middle of a run. */
class BackfillRestartTest {

    @Test
    void aServerRestartMidwayIsSurvivedAndNoRowIsUpdatedTwice() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startRestartable(PgVersions.selectedMajor())) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(server.jdbcUrl("postgres"));
            ds.setUser(server.user());
            ds.setConnectTimeout(2);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)");
                s.execute("INSERT INTO orders (id) SELECT g FROM generate_series(1, 30000) g");
            }
            BackfillOptions slow = FAST.withBatchSize(200, 200, 200).withPause(Duration.ofMillis(15));
            CompletableFuture<BackfillResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return statusBackfill(slow).run(ds);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(() -> query(ds, "SELECT coalesce(max(rows_done), 0) FROM zdm_backfill_progress") >= 3_000);
            server.restart();
            BackfillResult result = run.get(120, TimeUnit.SECONDS);

            assertThat(result.retries()).as("the restart cost at least one retry").isPositive();
            assertThat(query(ds, "SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
            assertThat(query(ds, "SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(30_000);
            assertThat(result.rowsTotal()).isEqualTo(30_000);
        }
    }

    /** A fresh connection per query: the old ones die with the restart. 0 until the table exists. */
    private static long query(PGSimpleDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notYet) {
            return 0;
        }
    }
}
