package db.backfilltest;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillMigration;
import io.github.flywayzdm.backfill.BackfillOptions;

import java.time.Duration;

/** The README's example: ten lines to backfill a column in batches from a Flyway migration. */
public class V2__backfill_orders_status extends BackfillMigration {

    @Override
    protected Backfill backfill() {
        return Backfill.of("orders")
                .key("id")
                .set("status = 'pending', touched = touched + 1")
                .where("status IS NULL")
                .options(BackfillOptions.defaults().withBatchSize(500, 100, 5_000).withPause(Duration.ofMillis(1)))
                .build();
    }
}
