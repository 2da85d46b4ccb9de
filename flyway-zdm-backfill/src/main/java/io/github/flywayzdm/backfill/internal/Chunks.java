package io.github.flywayzdm.backfill.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The zdm_backfill_chunks table: the key range of a parallel backfill cut into chunks that workers lease. A chunk's
 * progress is committed with each of its batches, and only by the worker holding its lease (a compare-and-set on its
 * last key), so no batch is ever done twice; who holds a chunk is told by the server ({@link ChunkLocks}), so the chunk
 * of a dead worker is resumed after its last committed batch at once, and a live worker's never.
 */
final class Chunks {

    static final String TABLE = "zdm_backfill_chunks";

    /** A committed position: keys up to {@code last} are done (null: none yet). */
    record Position(String[] last) {
    }

    /** A leased chunk: keys after {@code last} (null: from the start) up to {@code upper}. */
    record Lease(int chunk, String[] last, String[] upper) {
    }

    private final String table;
    private final String progress;

    Chunks(String schema) {
        this.table = Identifiers.qualified(schema, TABLE);
        this.progress = Identifiers.qualified(schema, Checkpoints.TABLE);
    }

    String table() {
        return table;
    }

    void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id text NOT NULL, chunk integer NOT NULL, last_key text[], "
                    + "upper_key text[] NOT NULL, rows_done bigint NOT NULL DEFAULT 0, status text NOT NULL DEFAULT 'todo', "
                    + "worker text, leased_until timestamptz, PRIMARY KEY (id, chunk))");
        } catch (SQLException e) {
            if (!Identifiers.alreadyExists(e)) {
                throw e;
            }
        }
    }

    boolean exist(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Chunk i covers keys after boundary i-1 (from the start for the first) up to boundary i; the last ends at upper. */
    void create(Connection c, String id, List<String[]> boundaries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, chunk, last_key, upper_key) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < boundaries.size(); i++) {
                ps.setString(1, id);
                ps.setInt(2, i);
                ps.setArray(3, i == 0 ? null : c.createArrayOf("text", boundaries.get(i - 1)));
                ps.setArray(4, c.createArrayOf("text", boundaries.get(i)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Leases the first unfinished chunk no live session holds (see {@link ChunkLocks}): never started, finished by
     * nobody, or left by a worker whose session is gone. This session then holds the chunk's lock until
     * {@link #release}. Null when every unfinished chunk has a live holder, or none is left.
     */
    Lease lease(Connection c, String id, String worker, Duration leaseTime) throws SQLException {
        List<Integer> open = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk FROM " + table + " WHERE id = ? AND status <> 'done' ORDER BY chunk")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getInt(1));
                }
            }
        }
        for (int chunk : open) {
            if (!ChunkLocks.tryClaim(c, id, chunk)) {
                continue; // a live session works it
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'running', worker = ?, "
                    + "leased_until = now() + ? * interval '1 millisecond' WHERE id = ? AND chunk = ? AND status <> 'done' "
                    + "RETURNING last_key, upper_key")) {
                ps.setString(1, worker);
                ps.setLong(2, leaseTime.toMillis());
                ps.setString(3, id);
                ps.setInt(4, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Lease(chunk, strings(rs.getArray(1)), strings(rs.getArray(2)));
                    }
                }
            }
            ChunkLocks.release(c, id, chunk); // finished meanwhile
        }
        return null;
    }

    /** Gives up this session's hold on the chunk (it is done, or this worker stops). */
    void release(Connection c, String id, int chunk) throws SQLException {
        ChunkLocks.release(c, id, chunk);
    }

    /** Takes the chunk's lock again on a new connection; false when another live session holds it now. */
    boolean reclaim(Connection c, String id, int chunk) throws SQLException {
        return ChunkLocks.tryClaim(c, id, chunk);
    }

    /** An unfinished chunk, its holder's pid (0: no live session holds it) and whether its holder stopped committing. */
    record Unfinished(int chunk, int holderPid, boolean stalled, String worker) {
    }

    /**
     * The chunks not done yet, with their holders as the server sees them. Stalled: a live holder whose lease (renewed
     * by every committed batch and while it waits) ran out, so it has done nothing for a whole lease.
     */
    List<Unfinished> unfinished(Connection c, String id) throws SQLException {
        List<Unfinished> result = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk, coalesce(" + ChunkLocks.holderPid("c.chunk") + ", 0), "
                + "coalesce(leased_until < now(), false), coalesce(worker, '') FROM " + table + " c WHERE id = ? AND status <> 'done' ORDER BY chunk")) {
            ps.setInt(1, ChunkLocks.key(id));
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Unfinished(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        return result;
    }

    /** The holder is alive but waiting (paused, unhealthy): it renews its lease, so nobody reads it as stalled. */
    void renew(Connection c, String id, int chunk, String worker, Duration leaseTime) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET leased_until = now() + ? * interval '1 millisecond' "
                + "WHERE id = ? AND chunk = ? AND worker = ? AND status = 'running'")) {
            ps.setLong(1, leaseTime.toMillis());
            ps.setString(2, id);
            ps.setInt(3, chunk);
            ps.setString(4, worker);
            ps.executeUpdate();
        }
    }

    /**
     * Records a batch of a leased chunk, in the batch's transaction. 0: the lease was lost (another worker took the
     * chunk over) or an operator paused or cancelled the backfill; the caller rolls the batch back.
     */
    int advance(Connection c, String id, int chunk, String worker, String[] last, String[] next, long rows, Duration leaseTime)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET last_key = ?, rows_done = rows_done + ?, "
                + "leased_until = now() + ? * interval '1 millisecond' WHERE id = ? AND chunk = ? AND worker = ? AND status = 'running' "
                + "AND last_key IS NOT DISTINCT FROM ?::text[] AND EXISTS (SELECT 1 FROM " + progress + " p WHERE p.id = ? AND p.status = 'running')")) {
            ps.setArray(1, c.createArrayOf("text", next));
            ps.setLong(2, rows);
            ps.setLong(3, leaseTime.toMillis());
            ps.setString(4, id);
            ps.setInt(5, chunk);
            ps.setString(6, worker);
            ps.setArray(7, last == null ? null : c.createArrayOf("text", last));
            ps.setString(8, id);
            return ps.executeUpdate();
        }
    }

    /** The chunk's committed last key while this worker holds it; empty when another worker took it over. */
    java.util.Optional<Position> position(Connection c, String id, int chunk, String worker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_key FROM " + table + " WHERE id = ? AND chunk = ? AND worker = ? "
                + "AND status = 'running'")) {
            ps.setString(1, id);
            ps.setInt(2, chunk);
            ps.setString(3, worker);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Position(strings(rs.getArray(1)))) : java.util.Optional.empty();
            }
        }
    }

    void finish(Connection c, String id, int chunk, String worker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'done', leased_until = NULL "
                + "WHERE id = ? AND chunk = ? AND worker = ?")) {
            ps.setString(1, id);
            ps.setInt(2, chunk);
            ps.setString(3, worker);
            ps.executeUpdate();
        }
    }

    /** The share of the key range the chunks have walked so far, for progress when resuming. */
    double walkedShare(Connection c, String id, RowEstimate estimate) throws SQLException {
        double share = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT status, last_key, upper_key FROM " + table + " WHERE id = ? ORDER BY chunk")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                String[] lower = null;
                while (rs.next()) {
                    String[] last = strings(rs.getArray(2));
                    String[] upper = strings(rs.getArray(3));
                    String[] reached = "done".equals(rs.getString(1)) ? upper : last;
                    share += reached == null ? 0 : estimate.keyShare(lower, reached);
                    lower = upper;
                }
            }
        }
        return share;
    }

    /** Rows done over all chunks, and whether every chunk is done. */
    long[] totals(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(rows_done), 0), count(*) FILTER (WHERE status <> 'done') FROM "
                + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }
}
