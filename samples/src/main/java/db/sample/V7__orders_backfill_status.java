package db.sample;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillMigration;

/** orders.status, step 2: fill the rows that existed before the default, in short keyset batches. */
public class V7__orders_backfill_status extends BackfillMigration {

    @Override
    protected Backfill backfill() {
        return Backfill.of("orders").key("id").set("status = 'pending'").where("status IS NULL").build();
    }
}
