package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.BackfillOptions;

/**
 * Sizes the next batch from a smoothed rate (keys per second, each batch weighing {@link #RATE_WEIGHT}) times the
 * target duration, so one slow batch on a noisy server does not halve the next. Growth stays at most 2x a step. A batch
 * over twice the target halves the next at once (as the rule before the smoothing did), so a server that really slowed
 * down does not see a run of long transactions drifting toward the lock and statement timeouts.
 */
final class BatchSizer {

    /** How much one batch's rate moves the smoothed rate. */
    static final double RATE_WEIGHT = 0.3;

    private final int min;
    private final int max;
    private final long target;
    private double keysPerNano; // 0: no batch measured yet

    BatchSizer(BackfillOptions options) {
        this.min = options.minBatchSize();
        this.max = options.maxBatchSize();
        this.target = options.targetBatchTime().toNanos();
    }

    /** The size of the batch after one of {@code size} keys that took {@code nanos}. */
    int next(int size, long nanos) {
        double rate = size / (double) Math.max(nanos, 1);
        keysPerNano = keysPerNano == 0 ? rate : RATE_WEIGHT * rate + (1 - RATE_WEIGHT) * keysPerNano;
        double next = Math.min(2.0 * size, keysPerNano * target);
        if (nanos > 2 * target) {
            next = Math.min(next, size / 2.0);
        }
        return (int) Math.max(min, Math.min(max, Math.round(next)));
    }

    /** After a statement timeout: half the size, and the rate measured afresh rather than the one that led there. */
    int halve(int size) {
        keysPerNano = 0;
        return Math.max(min, size / 2);
    }
}
