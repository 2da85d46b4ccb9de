package io.github.flywayzdm.callbacks.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Where an unqualified name leads on the migration's own session. The guard's catalog lookups (table sizes, unique
 * keys) run on its monitor session, whose search_path may differ: Flyway sets the migration session's from
 * flyway.schemas, so {@code orders} there can be {@code app.orders} while the monitor would find a small
 * {@code public.orders} and let a blocking build on the big one through as "a small table". So the lookups resolve
 * the name through the migration session's path, read once per migration on first need with
 * {@code current_schemas(true)}, which also lists pg_temp and pg_catalog where the server searches them.
 */
public final class MigrationSearchPath {

    /**
     * The oid of the first relation named by the second parameter in the schemas of the first (a text[]), in their
     * order: how the server resolves a name through a search path. NULL when none has it.
     */
    static final String RELATION = """
            (SELECT c.oid FROM unnest(?::text[]) WITH ORDINALITY AS s(nsp, ord)
             JOIN pg_namespace n ON n.nspname = s.nsp JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = ?
             ORDER BY s.ord LIMIT 1)""";

    private Connection session;
    private List<String> schemas;

    /** From now on unqualified names resolve as on {@code migrationSession} (before each migration: it may have changed). */
    public synchronized void follow(Connection migrationSession) {
        session = migrationSession;
        schemas = null;
    }

    /**
     * Binds {@link #RELATION}'s two parameters from {@code index} on: {@code schema} alone when the name is qualified,
     * else the migration session's path (the path of {@code ps}'s own session when none is followed). A path that
     * cannot be read binds no schema, so nothing is found and the table counts as unknown.
     */
    synchronized void bind(PreparedStatement ps, int index, String schema, String table) throws SQLException {
        Connection lookup = ps.getConnection();
        List<String> path = schema != null ? List.of(schema) : path(lookup);
        ps.setArray(index, lookup.createArrayOf("text", path.toArray()));
        ps.setString(index + 1, table);
    }

    private List<String> path(Connection lookup) {
        if (schemas == null) {
            schemas = read(session != null ? session : lookup);
        }
        return schemas;
    }

    private static List<String> read(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_schemas(true)::text[]"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                Array path = rs.getArray(1);
                return path == null ? List.of() : List.of((String[]) path.getArray());
            }
        } catch (SQLException e) {
            return List.of();
        }
        return List.of();
    }
}
