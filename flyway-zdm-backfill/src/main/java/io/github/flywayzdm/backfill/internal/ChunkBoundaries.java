package io.github.flywayzdm.backfill.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the key range into about {@code count} chunks of similar row counts, from a sample of the keys (TABLESAMPLE on
 * large tables, every key on small ones), so no OFFSET walks the whole index.
 */
final class ChunkBoundaries {

    private static final long SAMPLE = 20_000;

    private ChunkBoundaries() {
    }

    /** The upper key of each chunk, ascending; the last is {@code upper}. */
    static List<String[]> of(Connection c, String table, KeyRange range, List<String> key, String[] upper, int count) throws SQLException {
        long estimated = estimate(c, table);
        String sample = estimated > SAMPLE ? " TABLESAMPLE SYSTEM (" + Math.max(0.01, Math.min(100.0, 100.0 * SAMPLE / estimated)) + ")" : "";
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + range.orderBy() + " FROM " + table + sample + " WHERE "
                + range.condition(false) + " ORDER BY " + range.orderBy())) {
            range.bind(ps, 1, null, upper);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] k = new String[key.size()];
                    for (int i = 0; i < k.length; i++) {
                        k[i] = rs.getString(i + 1);
                    }
                    keys.add(k);
                }
            }
        }
        List<String[]> boundaries = new ArrayList<>();
        for (int i = 1; i < count && !keys.isEmpty(); i++) {
            String[] candidate = keys.get((int) ((long) keys.size() * i / count));
            if ((boundaries.isEmpty() || !Arrays.equals(boundaries.get(boundaries.size() - 1), candidate)) && !Arrays.equals(candidate, upper)) {
                boundaries.add(candidate);
            }
        }
        boundaries.add(upper);
        return boundaries;
    }

    private static long estimate(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
