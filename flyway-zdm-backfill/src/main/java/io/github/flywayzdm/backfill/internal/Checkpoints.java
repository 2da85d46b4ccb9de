package io.github.flywayzdm.backfill.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The zdm_backfill_progress table: one row per backfill, updated in the same transaction as each batch. */
final class Checkpoints {

    static final String TABLE = "zdm_backfill_progress";

    /** A checkpoint row as read. */
    record Row(CheckpointStatus status, String statusText, String[] lastKey, String[] upperKey, long rowsDone, Integer batchSize) {
    }

    private final String table;

    Checkpoints(String schema) {
        this.table = Identifiers.qualified(schema, TABLE);
    }

    String table() {
        return table;
    }

    void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + "id text PRIMARY KEY, table_name text NOT NULL, last_key text[], upper_key text[], "
                    + "rows_done bigint NOT NULL DEFAULT 0, batch_size integer, status text NOT NULL, "
                    + "started_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), "
                    + "finished_at timestamptz, last_error text)");
        } catch (SQLException e) {
            // two workers creating it at once: the loser sees a duplicate; the table exists either way
            if (!Identifiers.alreadyExists(e)) {
                throw e;
            }
        }
    }

    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    Row read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, last_key, upper_key, rows_done, batch_size FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Row(CheckpointStatus.of(rs.getString(1)), rs.getString(1), strings(rs.getArray(2)), strings(rs.getArray(3)), rs.getLong(4),
                        (Integer) rs.getObject(5));
            }
        }
    }

    /** Creates the row; false when another worker created it first. */
    boolean create(Connection c, String id, String tableName, String[] upper, CheckpointStatus status, int batchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (id, table_name, upper_key, status, batch_size) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, tableName);
            ps.setArray(3, upper == null ? null : c.createArrayOf("text", upper));
            ps.setString(4, status.text());
            ps.setInt(5, batchSize);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Records a batch in its transaction, only if the checkpoint still says {@code previous}: 0 rows updated means an
     * operator paused or cancelled the backfill meanwhile, or the batch was already committed (a commit whose answer
     * was lost with the connection), and the caller rolls back instead of updating the rows twice.
     */
    int advance(Connection c, String id, String[] previous, String[] lastKey, long rows, int batchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET last_key = ?, rows_done = rows_done + ?, "
                + "batch_size = ?, updated_at = now(), last_error = NULL WHERE id = ? AND status = 'running' "
                + "AND last_key IS NOT DISTINCT FROM ?::text[]")) {
            ps.setArray(1, c.createArrayOf("text", lastKey));
            ps.setLong(2, rows);
            ps.setInt(3, batchSize);
            ps.setString(4, id);
            ps.setArray(5, previous == null ? null : c.createArrayOf("text", previous));
            return ps.executeUpdate();
        }
    }

    /** A parallel backfill is done: its rows are the sum over the chunks. */
    void finish(Connection c, String id, long rowsDone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'done', rows_done = ?, updated_at = now(), "
                + "finished_at = now() WHERE id = ? AND status = 'running'")) {
            ps.setLong(1, rowsDone);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    void setStatus(Connection c, String id, CheckpointStatus status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = ?, updated_at = now(), "
                + "last_error = coalesce(?, last_error), finished_at = CASE WHEN ? = 'done' THEN now() END WHERE id = ?")) {
            ps.setString(1, status.text());
            ps.setString(2, error);
            ps.setString(3, status.text());
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }
}
