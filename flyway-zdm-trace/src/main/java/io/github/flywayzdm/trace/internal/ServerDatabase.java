package io.github.flywayzdm.trace.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** A fresh, uniquely named database on a server, dropped on close. */
public final class ServerDatabase implements AutoCloseable {

    private final String adminUrl;
    private final Properties credentials;
    private final String name;
    private final String serverVersion;
    private final int major;

    private ServerDatabase(String adminUrl, Properties credentials, String name, String serverVersion, int major) {
        this.adminUrl = adminUrl;
        this.credentials = credentials;
        this.name = name;
        this.serverVersion = serverVersion;
        this.major = major;
    }

    public static ServerDatabase create(String adminUrl, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        String name = "zdm_trace_" + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(adminUrl, p); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int / 10000")) {
                rs.next();
                return new ServerDatabase(adminUrl, p, name, rs.getString(1), rs.getInt(2));
            }
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(withDatabase(adminUrl, name), credentials);
    }

    public String serverVersion() {
        return serverVersion;
    }

    public int major() {
        return major;
    }

    /** Replaces the database of a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, credentials); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
