package io.github.flywayzdm.backfill;

import io.github.flywayzdm.backfill.internal.Board;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Operators' view and controls of the backfills recorded in a schema's checkpoint table (background jobs and
 * synchronous runs alike). Each control is one UPDATE of the checkpoint's status, honoured by every worker between
 * batches; it throws a {@link BackfillException} naming the current status when the transition does not apply.
 */
public final class BackfillJobs {

    private final Board board;

    private BackfillJobs(String checkpointSchema) {
        this.board = new Board(checkpointSchema);
    }

    /** The tables in {@code checkpointSchema} (null: the first schema of the search path). */
    public static BackfillJobs in(String checkpointSchema) {
        return new BackfillJobs(checkpointSchema);
    }

    /** Every backfill, oldest first; empty when none ever ran here. */
    public List<BackfillStatus> status(Connection connection) throws SQLException {
        return board.status(connection);
    }

    /** running → paused: workers wait before their next batch, keeping their chunks. */
    public void pause(Connection connection, String id) throws SQLException {
        board.transition(connection, id, Set.of("running"), "paused", "pause");
    }

    /** paused or cancelled → running. */
    public void resume(Connection connection, String id) throws SQLException {
        board.transition(connection, id, Set.of("paused", "cancelled"), "running", "resume");
    }

    /** running, paused or failed → cancelled: workers stop after their current batch; progress is kept. */
    public void cancel(Connection connection, String id) throws SQLException {
        board.transition(connection, id, Set.of("running", "paused", "failed"), "cancelled", "cancel");
    }

    /** failed → running, for workers to pick it up again (fix the cause first). */
    public void retry(Connection connection, String id) throws SQLException {
        board.transition(connection, id, Set.of("failed"), "running", "retry");
    }
}
