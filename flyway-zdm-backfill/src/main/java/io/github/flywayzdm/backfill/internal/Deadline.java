package io.github.flywayzdm.backfill.internal;

import java.time.Duration;

/** When a bounded run stops starting batches (a batch under way still commits); {@link #NONE} never. */
record Deadline(long nanos, Duration bound) {

    static final Deadline NONE = new Deadline(0, null);

    static Deadline after(Duration bound) {
        return bound == null ? NONE : new Deadline(System.nanoTime() + bound.toNanos(), bound);
    }

    boolean passed() {
        return bound != null && System.nanoTime() - nanos > 0;
    }

    /** Why a bounded run ended unfinished. */
    String reason() {
        return "stopped at its time bound of " + bound.toSeconds() + " s";
    }
}
