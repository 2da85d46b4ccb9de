package db.backfillcrash;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillMigration;
import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.HealthCheck;

import java.time.Duration;

/**
 * Counts every update of a row ({@code n = n + 1}, no filter), so a row updated twice or never shows. Workers and the
 * pause between batches come from system properties, so a child JVM can run it slowly and the test quickly.
 */
public class V2__count_every_update extends BackfillMigration {

    @Override
    protected Backfill backfill() {
        int workers = Integer.getInteger("zdm.test.workers", 1);
        long pauseMs = Long.getLong("zdm.test.pauseMs", 0);
        BackfillOptions options = BackfillOptions.defaults().withHealthCheck(HealthCheck.none()).withWorkers(workers)
                .withPause(Duration.ofMillis(pauseMs));
        options = pauseMs > 0 ? options.withBatchSize(100, 100, 100) : options.withBatchSize(200, 10, 2_000);
        return Backfill.of("items").key("id").set("n = n + 1, done = true").id("count-every-update").options(options).build();
    }
}
