package io.github.flywayzdm.callbacks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Read-only health checks on the live server, run from the monitor session. */
public final class CatalogChecks {

    private static final String INVALID_INDEXES = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(tn.nspname) || '.' || quote_ident(t.relname)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
            WHERE NOT i.indisvalid ORDER BY 1""";

    private static final String LONG_TRANSACTIONS = """
            SELECT pid, coalesce(application_name, ''), coalesce(state, ''),
                   (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::bigint, left(coalesce(query, ''), 200)
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND xact_start < clock_timestamp() - make_interval(secs => ?)
              AND NOT (pid = ANY (?))
            ORDER BY xact_start""";

    private static final String REPLICA_LAG = """
            SELECT coalesce(application_name, ''), coalesce(client_addr::text, 'local'),
                   (extract(epoch FROM replay_lag) * 1000)::bigint
            FROM pg_stat_replication WHERE replay_lag > make_interval(secs => ?)""";

    /** An index left INVALID, e.g. by a failed CREATE INDEX CONCURRENTLY. */
    public record InvalidIndex(String index, String table) {
        public String fix() {
            return "DROP INDEX CONCURRENTLY IF EXISTS " + index + "; then run the CREATE INDEX CONCURRENTLY again "
                    + "(or REINDEX INDEX CONCURRENTLY " + index + ")";
        }
    }

    /** One line per lagging replica. */
    public record Lag(String name, String address, long lagMillis) {
    }

    private CatalogChecks() {
    }

    public static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), "
                + "current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static int serverMajor(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1) / 10000;
        }
    }

    public static List<InvalidIndex> invalidIndexes(Connection c) throws SQLException {
        List<InvalidIndex> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(INVALID_INDEXES)) {
            while (rs.next()) {
                out.add(new InvalidIndex(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** Sessions in a transaction older than {@code age} (idle in transaction included), except {@code ignorePids}. */
    public static List<Blocker> longTransactions(Connection c, Duration age, Set<Integer> ignorePids) throws SQLException {
        List<Blocker> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LONG_TRANSACTIONS)) {
            ps.setDouble(1, age.toMillis() / 1000.0);
            ps.setArray(2, c.createArrayOf("int4", new LinkedHashSet<>(ignorePids).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Blocker(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), ""));
                }
            }
        }
        return out;
    }

    public static List<Lag> laggingReplicas(Connection c, Duration threshold) throws SQLException {
        List<Lag> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(REPLICA_LAG)) {
            ps.setDouble(1, threshold.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Lag(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }
}
