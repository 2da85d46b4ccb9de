package db.contractbounded;

import io.github.flywayzdm.backfill.BackfillMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;
import java.time.Duration;

/** The contract step that finishes the rest of the backfill first, within a bound (zdm.test.boundMs). */
public class V1__orders_status_not_null extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        BackfillMigration.requireFinished(context, db.contract.V1__orders_status_not_null.BACKFILL,
                Duration.ofMillis(Long.getLong("zdm.test.boundMs", 60_000)));
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE orders ALTER COLUMN status SET NOT NULL");
        }
    }
}
