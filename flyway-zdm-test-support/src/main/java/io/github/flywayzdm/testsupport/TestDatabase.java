package io.github.flywayzdm.testsupport;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the run's {@link PostgresServer}, dropped after the test, so tests never see each other's tables.
 * Every connection opened through it is closed when the test ends.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PostgresServer server;
    private final String name;
    private final List<Connection> opened = new ArrayList<>();

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a new empty database on the shared server. */
    public static TestDatabase create() {
        PostgresServer server = PostgresServer.get();
        String name = "zdm_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = server.connectAdmin(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + server.origin() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public PostgresServer server() {
        return server;
    }

    /** A new session (a separate backend); closed automatically at the end of the test. */
    public synchronized Connection connect() throws SQLException {
        Connection c = server.connect(jdbcUrl());
        opened.add(c);
        return c;
    }

    /** A data source for libraries that want one (Flyway, pools); its connections are the caller's to close. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(user());
        ds.setPassword(password());
        return ds;
    }

    /** Runs each statement in its own autocommit session call. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = server.connect(jdbcUrl()); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public Object queryValue(String sql) throws SQLException {
        try (Connection c = server.connect(jdbcUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    public long queryLong(String sql) throws SQLException {
        Object value = queryValue(sql);
        if (!(value instanceof Number)) {
            throw new IllegalStateException("Expected a number from " + sql + " but got " + value);
        }
        return ((Number) value).longValue();
    }

    /** {@code server_version_num}, e.g. 170011. */
    public int serverVersionNum() throws SQLException {
        return (int) queryLong("SELECT current_setting('server_version_num')::int");
    }

    public int serverMajor() throws SQLException {
        return serverVersionNum() / 10000;
    }

    @Override
    public synchronized void close() throws SQLException {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the test may have broken it on purpose
            }
        }
        opened.clear();
        try (Connection admin = server.connectAdmin(); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
