package io.github.flywayzdm.backfill.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells whether a batch's UPDATE visits its rows in key order by itself: its plan is a single forward Index Scan of a
 * btree index that leads with the key columns, ascending. It then takes its row locks in key order, and the batch
 * can skip the separate locking pass (which writes every row's lock once more: about a seventh of a batch's time).
 * Anything else (a bitmap or sequential scan, a sort, partitions, subplans) keeps the locking pass.
 */
final class KeyOrderPlan {

    private static final String KEY_INDEXES = "SELECT quote_ident(ic.relname), "
            + "ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n) "
            + "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n), i.indoption::int2[] "
            + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
            + "WHERE i.indrelid = to_regclass(?) AND am.amname = 'btree' AND i.indisvalid";

    private final Set<String> keyIndexes;

    private KeyOrderPlan(Set<String> keyIndexes) {
        this.keyIndexes = keyIndexes;
    }

    /** The btree indexes of {@code table} (a quoted name) whose leading columns are {@code key}, ascending. */
    static KeyOrderPlan of(Connection c, String table, List<String> key) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(KEY_INDEXES)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (leadsWith(rs.getArray(2), rs.getArray(3), key)) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return new KeyOrderPlan(names);
    }

    private static boolean leadsWith(Array columns, Array options, List<String> key) throws SQLException {
        Object[] cols = (Object[]) columns.getArray();
        Object[] opts = (Object[]) options.getArray();
        if (cols.length < key.size()) {
            return false;
        }
        for (int i = 0; i < key.size(); i++) {
            if (!key.get(i).equals(cols[i]) || ((Number) opts[i]).intValue() != 0) { // 0: ASC NULLS LAST
                return false;
            }
        }
        return true;
    }

    /** Runs EXPLAIN of the prepared UPDATE (parameters already bound) and reads its plan. */
    boolean visitsInKeyOrder(PreparedStatement explain) throws SQLException {
        if (keyIndexes.isEmpty()) {
            return false;
        }
        int nodes = 0;
        String scan = null;
        try (ResultSet rs = explain.executeQuery()) {
            while (rs.next()) {
                String line = rs.getString(1).strip();
                if (line.startsWith("->")) {
                    nodes++;
                    scan = line;
                }
            }
        }
        if (nodes != 1) {
            return false;
        }
        for (String index : keyIndexes) {
            if (scan.startsWith("->  Index Scan using " + index + " on ")) {
                return true;
            }
        }
        return false;
    }

    boolean possible() {
        return !keyIndexes.isEmpty();
    }
}
