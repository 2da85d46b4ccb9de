package db.backgroundtest;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.BackgroundBackfillMigration;
import io.github.flywayzdm.backfill.HealthCheck;

public class V2__queue_orders_status extends BackgroundBackfillMigration {

    public static final Backfill BACKFILL = Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1")
            .where("status IS NULL").verify("status IS NULL").id("orders-status")
            .options(BackfillOptions.defaults().withBatchSize(100, 10, 1_000).withHealthCheck(HealthCheck.none()).withWorkers(2))
            .build();

    @Override
    protected Backfill backfill() {
        return BACKFILL;
    }
}
