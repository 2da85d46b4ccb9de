package io.github.flywayzdm.backfill;

/** The backfill stopped (cancelled, retries exhausted, bad definition); its checkpoint is kept for the next run. */
public class BackfillException extends RuntimeException {

    public BackfillException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackfillException(String message) {
        super(message);
    }
}
