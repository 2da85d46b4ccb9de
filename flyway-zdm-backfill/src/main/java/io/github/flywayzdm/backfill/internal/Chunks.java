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
 * The zdm_backfill_chunks table: the key range of a parallel backfill cut into chunks that workers lease with
 * {@code FOR UPDATE SKIP LOCKED}. A chunk's progress is committed with each of its batches, and only by the worker
 * holding its lease, so a chunk is never worked twice; a dead worker's lease expires and another worker resumes the
 * chunk after its last committed batch.
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

    /** Leases the first chunk nobody works on (or whose worker's lease expired); null when none is left. */
    Lease lease(Connection c, String id, String worker, Duration leaseTime) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " c SET status = 'running', worker = ?, "
                + "leased_until = now() + ? * interval '1 millisecond' FROM (SELECT chunk FROM " + table + " WHERE id = ? AND "
                + "(status = 'todo' OR (status = 'running' AND leased_until < now())) ORDER BY chunk LIMIT 1 FOR UPDATE SKIP LOCKED) pick "
                + "WHERE c.id = ? AND c.chunk = pick.chunk RETURNING c.chunk, c.last_key, c.upper_key")) {
            ps.setString(1, worker);
            ps.setLong(2, leaseTime.toMillis());
            ps.setString(3, id);
            ps.setString(4, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Lease(rs.getInt(1), strings(rs.getArray(2)), strings(rs.getArray(3))) : null;
            }
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
