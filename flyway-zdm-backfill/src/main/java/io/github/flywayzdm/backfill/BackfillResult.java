package io.github.flywayzdm.backfill;

import java.time.Duration;

/**
 * What a run did.
 *
 * @param id             checkpoint id
 * @param rowsUpdated    rows updated in this run
 * @param rowsTotal      rows updated over all runs of this backfill
 * @param batches        batches committed in this run
 * @param retries        batches retried after a lock timeout, deadlock, serialization failure or lost connection
 * @param finalBatchSize the adaptive batch size at the end
 * @param elapsed        wall time of this run
 * @param alreadyDone    the backfill had finished in an earlier run: nothing was done
 * @param dryRun         nothing was written; {@code estimatedRows} and {@code estimatedBatches} describe the work
 * @param estimatedRows  rows in the key range (planner estimate)
 * @param estimatedBatches batches at the initial size
 * @param lowerKey       the key the run started after ("" when from the start)
 * @param upperKey       the largest key when the backfill started
 * @param rowsLeft       rows still matching the {@link Backfill.Builder#verify verification} condition at the end
 *                       (-1: no verification)
 * @param unfinished     null when the whole key range is done; else why not (rows may remain: see {@link #complete()})
 */
public record BackfillResult(String id, long rowsUpdated, long rowsTotal, long batches, long retries, int finalBatchSize,
                             Duration elapsed, boolean alreadyDone, boolean dryRun, long estimatedRows, long estimatedBatches,
                             String lowerKey, String upperKey, long rowsLeft, String unfinished) {

    /**
     * Every key of the range is done, by this run or earlier ones (a dry run is never complete). A run that ends
     * incomplete says why in {@link #unfinished()}; a {@link BackfillMigration} then fails.
     */
    public boolean complete() {
        return unfinished == null;
    }

    /** The verification ran and found no row left to do. */
    public boolean verified() {
        return rowsLeft == 0;
    }

    public double rowsPerSecond() {
        return elapsed.isZero() ? 0 : rowsUpdated / (elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        if (dryRun) {
            return "dry run of " + id + ": keys (" + lowerKey + ", " + upperKey + "], ~" + estimatedRows + " rows, ~"
                    + estimatedBatches + " batches";
        }
        return alreadyDone ? id + ": already done (" + rowsTotal + " rows)"
                : String.format(java.util.Locale.ROOT, "%s: %s: %,d rows in %,d batches (%,d retries) in %.1f s, %.0f rows/s, %,d rows in all, final batch %d%s",
                id, complete() ? "complete" : "INCOMPLETE (" + unfinished + ")", rowsUpdated, batches, retries, elapsed.toNanos() / 1e9,
                rowsPerSecond(), rowsTotal, finalBatchSize,
                rowsLeft < 0 ? "" : rowsLeft == 0 ? "; verified: no row left" : String.format(java.util.Locale.ROOT, "; VERIFICATION: %,d rows left", rowsLeft));
    }
}
