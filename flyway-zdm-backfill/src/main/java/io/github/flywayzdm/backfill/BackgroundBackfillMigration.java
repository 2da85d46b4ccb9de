package io.github.flywayzdm.backfill;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration that queues a {@link Backfill} as a background job and returns at once: its definition,
 * checkpoint and chunks are written in the migration's own (short) transaction, so the job exists exactly when Flyway
 * records the migration. {@link BackfillWorker}s run it ({@code zdm backfill run}, the Spring Boot starter's worker,
 * or a library call); the contract migration later calls {@link BackfillMigration#requireFinished}.
 *
 * <pre>{@code
 * public class V7__backfill_orders_status extends BackgroundBackfillMigration {
 *     static final Backfill BACKFILL = Backfill.of("orders").key("id").set("status = 'pending'").where("status IS NULL")
 *             .verify("status IS NULL").build();
 *     protected Backfill backfill() {
 *         return BACKFILL;
 *     }
 * }
 * }</pre>
 *
 * Migrating on several instances at once queues one job. Unlike {@link BackfillMigration} it needs no setting of
 * Flyway's lock: nothing long runs inside the migration.
 */
public abstract class BackgroundBackfillMigration extends BaseJavaMigration {

    /** What to update. */
    protected abstract Backfill backfill();

    @Override
    public void migrate(Context context) throws Exception {
        backfill().enqueue(context.getConnection());
    }
}
