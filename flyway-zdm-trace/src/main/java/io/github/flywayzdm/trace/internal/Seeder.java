package io.github.flywayzdm.trace.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a table a migration created with {@code generate_series} rows, so the statements of later migrations meet a
 * table of realistic size. Columns with a default, identity or generated columns keep their own values; other columns
 * get a value derived from the row number, of their type; a table it cannot fill is left empty with a note.
 */
public final class Seeder {

    private static final String COLUMNS = """
            SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), t.typtype::text, a.attnotnull,
                   a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """;

    private Seeder() {
    }

    /** @return null when seeded, else why not */
    public static String seed(Connection c, String table, long rows) {
        try {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(5)) {
                            continue;
                        }
                        String value = value(rs.getString(2), rs.getString(3));
                        if (value == null && rs.getBoolean(4)) {
                            return "no generated value for NOT NULL column " + rs.getString(1) + " of type " + rs.getString(2);
                        }
                        if (value != null) {
                            names.add(rs.getString(1));
                            values.add(value);
                        }
                    }
                }
            }
            String insert = names.isEmpty()
                    ? "INSERT INTO " + table + " SELECT FROM generate_series(1, " + rows + ")"
                    : "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", values)
                    + " FROM generate_series(1, " + rows + ") AS g";
            try (Statement s = c.createStatement()) {
                s.execute(insert);
                s.execute("ANALYZE " + table);
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage().lines().findFirst().orElse(e.getMessage());
        }
    }

    /** An expression of the row number {@code g} cast to {@code type}, or null when there is none. */
    static String value(String type, String typtype) {
        String t = type.toLowerCase(Locale.ROOT);
        if (typtype.equals("e")) {
            return "enum_first(NULL::" + type + ")";
        }
        if (t.equals("smallint")) {
            return "(g % 32000)::smallint";
        }
        if (t.equals("integer") || t.equals("bigint") || t.startsWith("numeric") || t.equals("real") || t.equals("double precision")) {
            return "g::" + type;
        }
        if (t.equals("text") || t.startsWith("character") || t.equals("name") || t.equals("citext")) {
            return "('r' || g)::" + type;
        }
        if (t.equals("boolean")) {
            return "(g % 2 = 0)";
        }
        if (t.equals("date")) {
            return "(date '2020-01-01' + (g % 3650)::int)";
        }
        if (t.startsWith("timestamp")) {
            return "(timestamp '2020-01-01' + g * interval '1 second')::" + type;
        }
        if (t.equals("uuid")) {
            return "md5(g::text)::uuid";
        }
        if (t.equals("json") || t.equals("jsonb")) {
            return "'{}'::" + type;
        }
        if (t.equals("bytea")) {
            return "'\\x00'::bytea";
        }
        return null;
    }
}
