package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.TableKeys;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The unique keys of a live table, for unbatched-data-change: the primary key and every valid unique index that has no
 * WHERE and no expression, as their key columns (INCLUDE columns left out). Equality on all of one pins at most one
 * row. Asked by the linter only for an UPDATE/DELETE whose WHERE pins columns no key of the history covers; a table
 * that does not exist (yet) or a failed lookup is unknown. An unqualified name is looked up as the migration's session
 * resolves it ({@link MigrationSearchPath}).
 */
public final class LiveTableKeys implements TableKeys {

    /** One row per key (names as stored, in key order); one row with null columns for a table without any. */
    private static final String QUERY = """
            SELECT t.oid IS NOT NULL, k.cols
            FROM (SELECT """ + MigrationSearchPath.RELATION + """
             AS oid) t
            LEFT JOIN LATERAL (
                SELECT array_agg(a.attname::text ORDER BY c.ord) AS cols
                FROM pg_index i
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS c(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = c.attnum
                WHERE i.indrelid = t.oid AND i.indisunique AND i.indisvalid
                  AND i.indpred IS NULL AND i.indexprs IS NULL AND c.ord <= i.indnkeyatts
                GROUP BY i.indexrelid) k ON true""";

    private final Supplier<Connection> connection;
    private final MigrationSearchPath searchPath;
    private final Map<String, Optional<List<List<String>>>> cache = new HashMap<>();

    public LiveTableKeys(Supplier<Connection> connection, MigrationSearchPath searchPath) {
        this.connection = connection;
        this.searchPath = searchPath;
    }

    /** Forget cached keys (before each migration: earlier ones may have changed them). */
    public synchronized void clear() {
        cache.clear();
    }

    @Override
    public synchronized Optional<List<List<String>>> uniqueKeys(String schema, String table) {
        String name = (schema == null ? "" : LiveTableSizes.quote(schema) + ".") + LiveTableSizes.quote(table);
        return cache.computeIfAbsent(name, n -> query(schema, table));
    }

    private Optional<List<List<String>>> query(String schema, String table) {
        try (PreparedStatement ps = connection.get().prepareStatement(QUERY)) {
            searchPath.bind(ps, 1, schema, table);
            List<List<String>> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                    Array cols = rs.getArray(2);
                    if (cols != null) {
                        keys.add(List.of((String[]) cols.getArray()));
                    }
                }
            }
            return Optional.of(List.copyOf(keys));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
