package io.github.flywayzdm.backfill;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The orders table on a server a test restarts: a DataSource that opens a fresh connection each time (the old ones die
 * with the restart), and queries that say "not yet" instead of failing while the server is down.
 */
final class RestartableOrders {

    private RestartableOrders() {
    }

    /** A DataSource on the server's postgres database, with orders(id, status, touched) of ids 1..rows. */
    static PGSimpleDataSource create(EmbeddedPostgresServer server, int rows) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.jdbcUrl("postgres"));
        ds.setUser(server.user());
        ds.setConnectTimeout(2);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO orders (id) SELECT g FROM generate_series(1, " + rows + ") g");
        }
        return ds;
    }

    /** A number on a fresh connection; 0 while the server is down or the table is missing. */
    static long query(PGSimpleDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notYet) {
            return 0;
        }
    }

    /** A text on a fresh connection; the error in parentheses while the server is down. */
    static String queryText(PGSimpleDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
