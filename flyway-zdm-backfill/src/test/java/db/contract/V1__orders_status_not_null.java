package db.contract;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** The contract step: relies on the status backfill having finished, then makes the column NOT NULL. */
public class V1__orders_status_not_null extends BaseJavaMigration {

    /** The same declaration the backfill ran with (same id), with the condition the contract needs. */
    public static final Backfill BACKFILL = Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1")
            .where("status IS NULL").id("orders-status").verify("status IS NULL").build();

    @Override
    public void migrate(Context context) throws Exception {
        BackfillMigration.requireFinished(context, BACKFILL);
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE orders ALTER COLUMN status SET NOT NULL");
        }
    }
}
