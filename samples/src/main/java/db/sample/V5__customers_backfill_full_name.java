package db.sample;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillMigration;

/** Expand/contract, migrate step: copy name into full_name for the rows written before the dual-write trigger. */
public class V5__customers_backfill_full_name extends BackfillMigration {

    @Override
    protected Backfill backfill() {
        return Backfill.of("customers").key("id").set("full_name = name").where("full_name IS NULL").build();
    }
}
