package io.github.flywayzdm.backfill;

import java.time.Duration;

/**
 * Told what a {@link BackfillWorker}'s batches do, for metrics. Called on the worker's threads, so it must be quick
 * and thread-safe; an exception it throws is logged and ignored (metrics never stop a backfill).
 */
public interface BackfillListener {

    /** A batch committed {@code rows} rows in {@code took} (its whole transaction); {@code batchSize} is the size it was cut to. */
    default void batchCommitted(String backfillId, long rows, int batchSize, Duration took) {
    }

    /**
     * The backfill waited {@code waited} before a batch, for {@code reason} (the first reason of that wait, as the health
     * check or pause condition said it, or "paused by an operator"); told once per wait, when it ends.
     */
    default void waited(String backfillId, String reason, Duration waited) {
    }

    /** Hears nothing. */
    static BackfillListener none() {
        return new BackfillListener() { };
    }
}
