package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.BackfillException;

/**
 * A worker stopped because the checkpoint's status says so (another worker failed, or an unknown value): the
 * consequence of a failure, not its cause, so a parallel run reports the cause instead when it has one.
 */
final class StoppedByStatus extends BackfillException {

    StoppedByStatus(String message) {
        super(message);
    }
}
