package io.github.flywayzdm.backfill.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who works a chunk, as the server sees it: the worker's session holds a session-level advisory lock on (backfill,
 * chunk) while it works the chunk. The server releases it the moment that session ends (kill -9 of the JVM, a lost
 * connection, pg_terminate_backend), so a dead holder is seen at once, without waiting for a lease to expire, and a
 * live holder, however slow, never loses its chunk. The lock is only liveness: no batch is ever committed twice
 * because each one still compares-and-sets its chunk's last key.
 */
final class ChunkLocks {

    private ChunkLocks() {
    }

    /** The lock's first key: every session computes the same int from the backfill id (String.hashCode is specified). */
    static int key(String backfillId) {
        return ("zdm_backfill_chunk:" + backfillId).hashCode();
    }

    /** True when this session now holds the chunk's lock (no other live session does). */
    static boolean tryClaim(Connection c, String backfillId, int chunk) throws SQLException {
        return call(c, "SELECT pg_try_advisory_lock(?, ?)", key(backfillId), chunk);
    }

    /** Gives the chunk up (after finishing it); false when this session did not hold it. */
    static boolean release(Connection c, String backfillId, int chunk) throws SQLException {
        return call(c, "SELECT pg_advisory_unlock(?, ?) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                + "AND classid = (?::int4)::oid AND objid = (?::int4)::oid AND objsubid = 2 AND granted", key(backfillId), chunk,
                key(backfillId), chunk);
    }

    /**
     * SQL for "the pid of the live session holding chunk {@code chunkColumn}'s lock, or null", with one parameter:
     * the lock key (see {@link #key}).
     */
    static String holderPid(String chunkColumn) {
        return "(SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid = (?::int4)::oid AND l.objid = (" + chunkColumn + ")::oid LIMIT 1)";
    }

    private static boolean call(Connection c, String sql, int... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setInt(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
