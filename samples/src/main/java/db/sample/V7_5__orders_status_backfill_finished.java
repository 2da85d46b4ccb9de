package db.sample;

import io.github.flywayzdm.backfill.BackfillMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.time.Duration;

/**
 * orders.status, step 2b: the contract steps rely on V7's background backfill (V8's CHECK would refuse the
 * application's updates of rows still NULL, V9 validates it).
 * Finishes whatever the application's workers have not done yet, for at most 5 minutes, then verifies no row is left
 * with status NULL; refuses otherwise (the migration fails, nothing after it runs).
 */
public class V7_5__orders_status_backfill_finished extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        BackfillMigration.requireFinished(context, V7__orders_backfill_status.BACKFILL, Duration.ofMinutes(5));
    }
}
