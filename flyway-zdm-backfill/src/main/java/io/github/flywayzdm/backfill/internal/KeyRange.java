package io.github.flywayzdm.backfill.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL for "key after {@code lower} and up to {@code upper}" over any key: row comparisons on the key columns, values
 * bound as text and cast to each column's type, so bigint, uuid, text, timestamps and composite keys all work.
 */
final class KeyRange {

    private final List<String> columns;
    private final List<String> types;

    KeyRange(List<String> columns, List<String> types) {
        this.columns = columns;
        this.types = types;
    }

    /** The columns' types as format_type gives them (for casts); throws for a missing column. */
    static List<String> types(java.sql.Connection c, String table, List<String> columns) throws SQLException {
        List<String> types = new java.util.ArrayList<>();
        for (String column : columns) {
            try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                    + "WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped")) {
                ps.setString(1, table);
                ps.setString(2, column);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new io.github.flywayzdm.backfill.BackfillException("no column " + column + " in table " + table);
                    }
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    /** The key columns as a row, e.g. {@code ("a", "b")}. */
    String row() {
        return "(" + Identifiers.list(columns) + ")";
    }

    /** {@code (?::bigint, ?::uuid)}. */
    String params() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < types.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(types.get(i)).append(')');
        }
        return b.append(')').toString();
    }

    /** A condition for {@code lower < key <= upper}; {@code lower} may be null (from the start). */
    String condition(boolean hasLower) {
        return (hasLower ? row() + " > " + params() + " AND " : "") + row() + " <= " + params();
    }

    String orderBy() {
        return Identifiers.list(columns);
    }

    /** The type of key column {@code i}, as format_type spells it. */
    String type(int i) {
        return types.get(i);
    }

    int size() {
        return columns.size();
    }

    /** Binds lower (if any) then upper, from parameter index {@code from}; returns the next free index. */
    int bind(PreparedStatement ps, int from, String[] lower, String[] upper) throws SQLException {
        int i = from;
        if (lower != null) {
            for (String v : lower) {
                ps.setString(i++, v);
            }
        }
        for (String v : upper) {
            ps.setString(i++, v);
        }
        return i;
    }

    /** A key for messages: {@code 42}, {@code (7, abc)}, or "" for "from the start". */
    static String text(String[] key) {
        return key == null ? "" : key.length == 1 ? key[0] : "(" + String.join(", ", key) + ")";
    }
}
