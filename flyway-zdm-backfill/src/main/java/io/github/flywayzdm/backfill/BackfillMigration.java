package io.github.flywayzdm.backfill;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration that runs a {@link Backfill} in short batches, outside Flyway's transaction:
 *
 * <pre>{@code
 * public class V7__backfill_orders_status extends BackfillMigration {
 *     protected Backfill backfill() {
 *         return Backfill.of("orders").key("id").set("status = 'pending'").where("status IS NULL").build();
 *     }
 * }
 * }</pre>
 *
 * If the run stops (crash, deploy, lost connection), Flyway records the migration as failed and the next
 * {@code flyway migrate} resumes after the last committed batch. Run Flyway with
 * {@code flyway.postgresql.transactional.lock=false} so Flyway's own lock does not keep a transaction open meanwhile.
 */
public abstract class BackfillMigration extends BaseJavaMigration {

    /** What to update. */
    protected abstract Backfill backfill();

    @Override
    public final boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Backfill backfill = backfill();
        BackfillResult result = backfill.options().workers() > 1
                ? backfill.runInFlyway(context.getConfiguration().getDataSource()) // one connection per worker
                : backfill.runInFlyway(context.getConnection());
        if (!result.complete()) {
            throw new BackfillException(backfill + " is not finished: " + result.unfinished() + ". Progress is kept; Flyway "
                    + "records this migration as failed: run flyway repair, then flyway migrate resumes it.");
        }
    }
}
