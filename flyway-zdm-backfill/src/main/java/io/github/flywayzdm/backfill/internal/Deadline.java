package io.github.flywayzdm.backfill.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * When a run stops starting batches (a batch under way still commits): at its time bound, or when its worker is asked
 * to stop; {@link #NONE} never.
 */
record Deadline(long nanos, Duration bound, BooleanSupplier stop) {

    static final Deadline NONE = new Deadline(0, null, () -> false);

    static Deadline after(Duration bound) {
        return bound == null ? NONE : new Deadline(System.nanoTime() + bound.toNanos(), bound, () -> false);
    }

    /** No time bound; ends when {@code stop} says so. */
    static Deadline until(BooleanSupplier stop) {
        return new Deadline(0, null, stop);
    }

    boolean passed() {
        return stop.getAsBoolean() || bound != null && System.nanoTime() - nanos > 0;
    }

    /** Why a bounded or stopped run ended unfinished. */
    String reason() {
        return bound == null ? "its worker was stopped; another worker (or the next start) goes on"
                : "stopped at its time bound of " + bound.toSeconds() + " s";
    }
}
