package io.github.flywayzdm.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

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

    static {
        // zonky reports each initdb and postmaster step at INFO; with slf4j-simple (the zdm CLI) or Maven's own provider
        // (mvn zdm:trace) that is noise in the user's output. A level the user set wins; failures still come through.
        String zonky = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";
        if (System.getProperty(zonky) == null) {
            System.setProperty(zonky, "warn");
        }
    }

    private EmbeddedPostgres postgres;
    private final int major;
    /** Set for a restartable server: the data directory it keeps between restarts (deleted on close). */
    private final Path dataDirectory;
    private final Map<String, String> settings;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int major, Path dataDirectory, Map<String, String> settings) {
        this.postgres = postgres;
        this.major = major;
        this.dataDirectory = dataDirectory;
        this.settings = settings;
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
        return new EmbeddedPostgresServer(launch(major, all, null, 0), major, null, all);
    }

    /**
     * A server that {@link #restart()} can stop and start again on the same data directory and port, as a real
     * server restart looks to clients (tests of reconnecting code).
     */
    public static EmbeddedPostgresServer startRestartable(int major) {
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_SETTINGS);
        try {
            Path dir = Files.createTempDirectory("zdm-pg" + major + "-");
            return new EmbeddedPostgresServer(launch(major, all, dir, 0), major, dir, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres launch(int major, Map<String, String> settings, Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PgBinaries.resolverFor(major));
        settings.forEach(builder::setServerConfig);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        // initdb's and the server's own output (about 45 lines) go to a file, not the user's log; shown only on failure
        Path log;
        try {
            log = Files.createTempFile("zdm-pg" + major + "-", ".log");
            log.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("Could not start embedded PostgreSQL " + major + ": " + e.getMessage()
                    + tail(log), e));
        }
    }

    /** The last lines of the server's output, to explain a failed start. */
    private static String tail(Path log) {
        try {
            java.util.List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : "; server output: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the server (connections break) and starts it again on the same data and port. */
    public synchronized void restart() {
        if (dataDirectory == null) {
            throw new IllegalStateException("only a server from startRestartable() can restart");
        }
        int port = port();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = launch(major, settings, dataDirectory, port);
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
            if (dataDirectory != null) {
                try (Stream<Path> walk = Files.walk(dataDirectory)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
