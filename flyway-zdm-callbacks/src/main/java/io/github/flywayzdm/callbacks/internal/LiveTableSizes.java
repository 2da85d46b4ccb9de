package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.TableSizes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Row estimates from the live catalog, the way the planner scales them: reltuples / relpages times the table's current
 * pages (partitions summed). A never-analyzed table counts as empty when it has no pages and as 100 rows a page
 * otherwise. An unqualified name is looked up as the migration's session resolves it ({@link MigrationSearchPath}).
 * Unknown tables (not created yet) are unknown, so their findings keep full severity.
 */
public final class LiveTableSizes implements TableSizes {

    private static final String QUERY = """
            WITH target AS (SELECT """ + MigrationSearchPath.RELATION + """
             AS oid)
            SELECT sum(CASE WHEN c.reltuples > 0 AND c.relpages > 0
                              THEN c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::float8)
                            WHEN pg_relation_size(c.oid) = 0 THEN 0
                            ELSE pg_relation_size(c.oid) / current_setting('block_size')::float8 * 100 END)::bigint,
                   sum(pg_total_relation_size(c.oid))::bigint
            FROM pg_class c
            WHERE c.relkind IN ('r', 'm', 'p')
              AND (c.oid = (SELECT oid FROM target) OR c.oid IN (SELECT relid FROM pg_partition_tree((SELECT oid FROM target))))""";

    /** The estimate and on-disk size of one table. */
    public record Size(long rows, long totalBytes) {
    }

    private final Supplier<Connection> connection;
    private final MigrationSearchPath searchPath;
    private final Map<String, OptionalLong> cache = new HashMap<>();
    private final Map<String, Size> seen = new HashMap<>();

    public LiveTableSizes(Supplier<Connection> connection, MigrationSearchPath searchPath) {
        this.connection = connection;
        this.searchPath = searchPath;
    }

    /** Forget cached sizes (before each migration: earlier ones may have changed them). */
    public synchronized void clear() {
        cache.clear();
        seen.clear();
    }

    /** The sizes looked up since the last {@link #clear()}, by qualified name. */
    public synchronized Map<String, Size> looked() {
        return Map.copyOf(seen);
    }

    @Override
    public synchronized OptionalLong estimatedRows(String schema, String table) {
        String name = (schema == null ? "" : quote(schema) + ".") + quote(table);
        return cache.computeIfAbsent(name, n -> query(n, schema, table));
    }

    private OptionalLong query(String name, String schema, String table) {
        try (PreparedStatement ps = connection.get().prepareStatement(QUERY)) {
            searchPath.bind(ps, 1, schema, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long rows = rs.getLong(1);
                    if (!rs.wasNull()) {
                        seen.put(name, new Size(rows, rs.getLong(2)));
                        return OptionalLong.of(rows);
                    }
                }
            }
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
