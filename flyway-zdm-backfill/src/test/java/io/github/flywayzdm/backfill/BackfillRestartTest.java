package io.github.flywayzdm.backfill;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.embedded.PgVersions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.flywayzdm.backfill.BackfillTest.FAST;
import static io.github.flywayzdm.backfill.BackfillTest.statusBackfill;
import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static io.github.flywayzdm.backfill.RestartableOrders.query;
import static org.assertj.core.api.Assertions.assertThat;

/** A real PostgreSQL restart (its own embedded server, stopped and started on the same data) in the middle of a run. */
class BackfillRestartTest {

    @Test
    void aServerRestartMidwayIsSurvivedAndNoRowIsUpdatedTwice() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startRestartable(PgVersions.selectedMajor())) {
            PGSimpleDataSource ds = RestartableOrders.create(server, 30_000);
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
}
