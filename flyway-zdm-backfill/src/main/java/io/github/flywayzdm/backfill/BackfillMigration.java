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
 * Run Flyway with {@code flyway.postgresql.transactional.lock=false}: with Flyway's default the migration refuses
 * to start (nothing written), because Flyway's own lock would keep a transaction open for the whole backfill.
 *
 * <p>If the run stops (cancelled by an operator, a batch failed, a lost connection), Flyway records this
 * non-transactional migration as failed and refuses further migrates until {@code flyway repair}; the
 * {@code flyway migrate} after the repair resumes after the last committed batch, a cancelled checkpoint included.
 * After a crash (kill -9) Flyway records nothing and the next migrate resumes at once. The migration succeeds only
 * when the whole key range is done.
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
        FlywayLockCheck.refuseUnderTransactionalLock(backfill, context.getConfiguration(), context.getConnection());
        BackfillResult result = backfill.options().workers() > 1
                ? backfill.runInFlyway(context.getConfiguration().getDataSource()) // one connection per worker
                : backfill.runInFlyway(context.getConnection());
        if (!result.complete()) {
            throw new BackfillException(backfill + " is not finished: " + result.unfinished() + ". Progress is kept; Flyway "
                    + "records this migration as failed: run flyway repair, then flyway migrate resumes it.");
        }
    }

    /**
     * For a later migration that relies on a backfill (the contract step): refuses, failing the migration, while
     * {@code backfill} is unfinished or rows still match its verification condition. Declare the backfill once (a
     * constant) and use it in both migrations:
     * <pre>{@code
     * public void migrate(Context context) throws Exception {
     *     BackfillMigration.requireFinished(context, V7__backfill_orders_status.BACKFILL);
     *     ... ALTER TABLE orders ALTER COLUMN status SET NOT NULL ...
     * }
     * }</pre>
     */
    public static void requireFinished(Context context, Backfill backfill) throws java.sql.SQLException {
        backfill.requireFinished(context.getConnection());
    }

    /**
     * Like {@link #requireFinished(Context, Backfill)}, but when the backfill is not done yet (it runs as a background
     * job, or stopped) finishes the rest first, on Flyway's DataSource, for at most {@code finishWithin}; refuses if
     * that was not enough (progress is kept). Call it before the migration's own statements: the migration's
     * transaction stays open meanwhile, so keep the bound short.
     */
    public static void requireFinished(Context context, Backfill backfill, java.time.Duration finishWithin) throws java.sql.SQLException {
        BackfillResult result = backfill.runFor(context.getConfiguration().getDataSource(), finishWithin);
        if (!result.complete()) {
            throw new BackfillException(backfill + " is not finished: " + result.unfinished() + " (" + result.rowsTotal()
                    + " rows done); this migration relies on it. Let it finish, then migrate again.");
        }
        backfill.requireFinished(context.getConnection());
    }
}
