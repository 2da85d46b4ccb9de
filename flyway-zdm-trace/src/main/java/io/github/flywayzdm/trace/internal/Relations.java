package io.github.flywayzdm.trace.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The user relations as one session sees them (inside its own open transaction it sees what it created), with their
 * physical file and the per-transaction scan counter.
 */
public final class Relations {

    /** One relation: a changed {@code filenode} means a rewrite; a grown {@code scans} a sequential scan. */
    public record Relation(long oid, String name, String kind, long filenode, long scans, boolean partition) {
    }

    private static final String QUERY = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind::text, c.relfilenode,
                   CASE WHEN c.relkind IN ('r', 'm', 't') THEN pg_stat_get_xact_numscans(c.oid) ELSE 0 END, c.relispartition
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
              AND n.nspname NOT LIKE 'pg\\_temp%' AND c.relkind IN ('r', 'p', 'i', 'I', 'm')
            """;

    private final Map<Long, Relation> byOid;

    private Relations(Map<Long, Relation> byOid) {
        this.byOid = byOid;
    }

    public static Relations read(Connection c) throws SQLException {
        Map<Long, Relation> map = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                map.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), kind(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getBoolean(6)));
            }
        }
        return new Relations(map);
    }

    public Relation get(long oid) {
        return byOid.get(oid);
    }

    public boolean contains(long oid) {
        return byOid.containsKey(oid);
    }

    public Iterable<Relation> all() {
        return byOid.values();
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "r" -> "table";
            case "p" -> "partitioned table";
            case "i", "I" -> "index";
            case "m" -> "materialized view";
            default -> relkind;
        };
    }
}
