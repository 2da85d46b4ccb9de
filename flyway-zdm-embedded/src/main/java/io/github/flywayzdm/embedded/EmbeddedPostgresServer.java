package io.github.flywayzdm.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A throwaway real PostgreSQL server of a chosen major version (13-18), started from the zonky binaries without Docker.
 * The superuser is {@code postgres} with no password on a loopback port.
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(16)) {
 *     String url = pg.jdbcUrl("postgres");
 * }
 * }</pre>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Settings for a disposable server: durability off (nothing here must survive a crash), room for lock tests. */
    private static final Map<String, String> DEFAULT_SETTINGS = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "max_connections", "300",
            "max_locks_per_transaction", "256");

    private final EmbeddedPostgres postgres;
    private final int major;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int major) {
        this.postgres = postgres;
        this.major = major;
    }

    /** Starts the major chosen by {@link PgVersions#selectedMajor()}. */
    public static EmbeddedPostgresServer start() {
        return start(PgVersions.selectedMajor());
    }

    public static EmbeddedPostgresServer start(int major) {
        return start(major, Map.of());
    }

    /** Starts {@code major} with extra {@code postgresql.conf} settings on top of the defaults. */
    public static EmbeddedPostgresServer start(int major, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_SETTINGS);
        all.putAll(settings);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PgBinaries.resolverFor(major));
        all.forEach(builder::setServerConfig);
        try {
            return new EmbeddedPostgresServer(builder.start(), major);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL " + major + ": " + e.getMessage(), e);
        }
    }

    public int major() {
        return major;
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
