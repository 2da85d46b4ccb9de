package io.github.flywayzdm.backfill.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * How far a backfill is, without counting rows. The planner's row count (pg_class.reltuples) only when it is fresh:
 * right after {@code ADD COLUMN} on a table loaded since its last ANALYZE it can be a fraction of the real count, and
 * the percentage and ETA it gives are wrong. Otherwise, for one numeric key column, the share of the key range
 * walked (keys are bounded by real keys, so this is exact when keys are dense and close when sparse evenly); else
 * unknown, said as such.
 *
 * @param rows   the planner's fresh row count, or -1
 * @param first  for a numeric key: the key just below the range's first (keys after it are walked), else NaN
 * @param upper  for a numeric key: the range's upper key, else NaN
 */
record RowEstimate(long rows, double first, double upper) {

    private static final Set<String> NUMERIC = Set.of("smallint", "integer", "bigint", "numeric");

    /** Changes since the last ANALYZE beyond this share of the counted rows make the count stale. */
    private static final double STALE_SHARE = 0.1;

    static final RowEstimate UNKNOWN = new RowEstimate(-1, Double.NaN, Double.NaN);

    boolean byRows() {
        return rows >= 0;
    }

    boolean byKeys() {
        return !byRows() && !Double.isNaN(upper) && upper > first;
    }

    /** Share of the key range up to {@code key} (null: nothing yet). */
    double keyShare(String[] key) {
        return key == null ? 0 : Math.max(0, Math.min(1, (Double.parseDouble(key[0]) - first) / (upper - first)));
    }

    /** Share of the key range between two keys. */
    double keyShare(String[] from, String[] to) {
        return keyShare(to) - keyShare(from);
    }

    static RowEstimate of(Connection c, String table, KeyRange range, String[] upper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.reltuples, coalesce(s.n_mod_since_analyze, 0), "
                + "s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL OR s.last_vacuum IS NOT NULL OR s.last_autovacuum IS NOT NULL "
                + "FROM pg_class c LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getDouble(1) > 0 && rs.getBoolean(3) && rs.getLong(2) <= STALE_SHARE * rs.getDouble(1)) {
                    return new RowEstimate((long) rs.getDouble(1), Double.NaN, Double.NaN);
                }
            }
        }
        if (upper == null || range.size() != 1 || !(NUMERIC.contains(range.type(0)) || range.type(0).startsWith("numeric("))) {
            return UNKNOWN;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT min(" + range.orderBy() + ") - 1 FROM " + table)) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null
                        ? new RowEstimate(-1, Double.parseDouble(rs.getString(1)), Double.parseDouble(upper[0])) : UNKNOWN;
            }
        }
    }

    /** The planner's count whatever its age, for a dry run's "~N rows". */
    static long reltuples(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
