package io.github.flywayzdm.backfill.internal;

import java.util.Locale;

/** The status column of a checkpoint, as stored (lower case). Operators set PAUSED, RUNNING and CANCELLED by hand. */
enum CheckpointStatus {
    RUNNING, PAUSED, CANCELLED, FAILED, DONE;

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown text (an operator's typo) reads as null, which stops the run with the value shown. */
    static CheckpointStatus of(String text) {
        for (CheckpointStatus s : values()) {
            if (s.text().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
