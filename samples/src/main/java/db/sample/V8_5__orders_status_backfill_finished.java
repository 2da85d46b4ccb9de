package db.sample;

import io.github.flywayzdm.backfill.BackfillMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.time.Duration;

/**
 * orders.status, step 3a: the contract steps (V9 validates status IS NOT NULL) rely on V7's background backfill.
 * Finishes whatever the application's workers have not done yet, for at most 5 minutes, then verifies no row is left
 * with status NULL; refuses otherwise (the migration fails, nothing after it runs).
 */
public class V8_5__orders_status_backfill_finished extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        BackfillMigration.requireFinished(context, V7__orders_backfill_status.BACKFILL, Duration.ofMinutes(5));
    }
}
