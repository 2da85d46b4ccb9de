package io.github.flywayzdm.testsupport;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.embedded.PgVersions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The one PostgreSQL server of a test run. Resolved once, in this order:
 * <ol>
 *   <li>{@code ZDM_TEST_JDBC_URL} (+ {@code ZDM_TEST_USER}, {@code ZDM_TEST_PASSWORD}): your own server; the user must
 *       be allowed to create databases;</li>
 *   <li>Testcontainers {@code postgres:<major>} when a Docker engine answers (disable with {@code ZDM_TEST_DOCKER=false});</li>
 *   <li>an embedded server of the major chosen by {@code -Dzdm.pg.version} / {@code ZDM_PG_VERSION} (default 17).</li>
 * </ol>
 */
public final class PostgresServer {

    private static volatile PostgresServer instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String origin;

    private PostgresServer(String adminUrl, String user, String password, String origin) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static PostgresServer get() {
        PostgresServer current = instance;
        if (current == null) {
            synchronized (PostgresServer.class) {
                current = instance;
                if (current == null) {
                    current = resolve();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static PostgresServer resolve() {
        String url = System.getenv("ZDM_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new PostgresServer(url, envOr("ZDM_TEST_USER", "postgres"), envOr("ZDM_TEST_PASSWORD", ""),
                    "server from ZDM_TEST_JDBC_URL");
        }
        int major = PgVersions.selectedMajor();
        if (!"false".equalsIgnoreCase(System.getenv("ZDM_TEST_DOCKER")) && ContainerServer.dockerAvailable()) {
            return ContainerServer.start(major);
        }
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(major);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "zdm-embedded-postgres-stop"));
        return new PostgresServer(embedded.jdbcUrl("postgres"), embedded.user(), "", "embedded PostgreSQL " + major);
    }

    static PostgresServer of(String adminUrl, String user, String password, String origin) {
        return new PostgresServer(adminUrl, user, password, origin);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Where the server came from, for logs (never contains credentials). */
    public String origin() {
        return origin;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The URL of the maintenance database the server was given with. */
    public String adminUrl() {
        return adminUrl;
    }

    /** The same server and parameters, another database. */
    public String jdbcUrl(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    public Connection connectAdmin() throws SQLException {
        return connect(adminUrl);
    }

    Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(url, props);
    }
}
