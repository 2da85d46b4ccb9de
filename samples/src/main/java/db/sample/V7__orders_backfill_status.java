package db.sample;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.BackgroundBackfillMigration;

/**
 * orders.status, step 2: queue the fill of the rows that existed before the default as a background job. Migrate
 * returns at once; the application's instances (their BackfillWorkers) update the rows in short keyset batches under
 * traffic, and V7_5 makes sure they finished before V8 relies on it.
 */
public class V7__orders_backfill_status extends BackgroundBackfillMigration {

    public static final Backfill BACKFILL = Backfill.of("orders").key("id").set("status = 'pending'").where("status IS NULL")
            .verify("status IS NULL").id("orders-status").options(BackfillOptions.defaults().withWorkers(2)).build();

    @Override
    protected Backfill backfill() {
        return BACKFILL;
    }
}
