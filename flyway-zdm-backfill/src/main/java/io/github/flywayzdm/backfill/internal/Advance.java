package io.github.flywayzdm.backfill.internal;

import java.sql.SQLException;
import java.util.Optional;

/** How a batch records its progress (on the checkpoint, or on a leased chunk), and where to go on after a refused one. */
interface Advance {

    /** In the batch's transaction; 0 means "do not commit". */
    int record(String[] last, String[] next, long rows) throws SQLException;

    /** The committed position to continue from; empty when this worker lost the range to another. */
    Optional<Chunks.Position> position() throws SQLException;

    /** Called while the walk waits (paused, unhealthy): says "still alive" where a lease needs it. */
    default void heartbeat() throws SQLException {
    }

    /** Called after the connection was replaced; false when the range now belongs to another live worker. */
    default boolean reconnected() throws SQLException {
        return true;
    }
}
