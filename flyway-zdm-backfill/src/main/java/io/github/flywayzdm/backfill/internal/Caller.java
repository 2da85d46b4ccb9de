package io.github.flywayzdm.backfill.internal;

/** Who runs the backfill: decides whether a cancelled checkpoint is resumed, and which step a stop message names. */
public enum Caller {
    /** {@code Backfill.run}: an operator's cancel stands until someone resumes it. */
    RUN(false, "Run it again to resume after the last committed batch."),
    /** {@code Backfill.resume}: resumes a cancelled checkpoint too. */
    RESUME(true, "Run it again to resume after the last committed batch."),
    /**
     * A {@code BackfillMigration}: Flyway records a stopped non-transactional migration as failed and refuses to go on
     * until {@code flyway repair}, a deliberate step; the migrate after it resumes, a cancelled checkpoint included.
     */
    /** A {@code BackfillWorker} on a background job: a cancel stands, like {@code run}; any worker resumes the rest. */
    WORKER(false, "Any worker resumes it after the last committed batch (zdm backfill run, or a BackfillWorker); after "
            + "a failure, zdm backfill retry first."),
    FLYWAY(true, "Flyway records this migration as failed: run flyway repair, then flyway migrate resumes after the last "
            + "committed batch.");

    private final boolean resumesCancelled;
    private final String resumeHint;

    Caller(boolean resumesCancelled, String resumeHint) {
        this.resumesCancelled = resumesCancelled;
        this.resumeHint = resumeHint;
    }

    boolean resumesCancelled() {
        return resumesCancelled;
    }

    /** The one step that resumes a stopped run, said in every stop message. */
    String resumeHint() {
        return resumeHint;
    }
}
