package io.github.flywayzdm.trace.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the relation locks a backend holds, from its own session or by polling from a second one. */
public final class LockSampler {

    /** relation OID to the lock modes held on it */
    public record Held(Map<Long, Set<String>> modes) {
    }

    private static final String OWN = "SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted";
    private static final String OTHER = "SELECT relation, mode FROM pg_locks WHERE pid = ? AND locktype = 'relation' AND granted";

    private LockSampler() {
    }

    /** The locks the calling session holds now, inside its transaction. */
    public static Held own(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OWN)) {
            return new Held(read(ps));
        }
    }

    /**
     * Polls the locks of backend {@code pid} from {@code observer} until {@link Poller#stop()}: an autocommit statement
     * releases its locks when it ends, so they can only be seen while it runs.
     */
    public static Poller poll(Connection observer, int pid) {
        Poller poller = new Poller(observer, pid);
        poller.awaitFirstSample();
        return poller;
    }

    private static Map<Long, Set<String>> read(PreparedStatement ps) throws SQLException {
        Map<Long, Set<String>> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> ConcurrentHashMap.newKeySet()).add(rs.getString(2));
            }
        }
        return out;
    }

    public static final class Poller implements AutoCloseable {
        private final Map<Long, Set<String>> seen = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile SQLException failure;
        private final java.util.concurrent.CountDownLatch sampled = new java.util.concurrent.CountDownLatch(1);

        private Poller(Connection observer, int pid) {
            thread = new Thread(() -> {
                try (PreparedStatement ps = observer.prepareStatement(OTHER)) {
                    ps.setInt(1, pid);
                    while (running) {
                        read(ps).forEach((oid, modes) -> seen.computeIfAbsent(oid, k -> ConcurrentHashMap.newKeySet()).addAll(modes));
                        sampled.countDown();
                        pause();
                    }
                } catch (SQLException e) {
                    failure = e;
                } finally {
                    sampled.countDown();
                }
            }, "zdm-trace-lock-poller");
            thread.setDaemon(true);
            thread.start();
        }

        /** The statement may only start once polling runs: a short one would otherwise end before the first sample. */
        private void awaitFirstSample() {
            try {
                sampled.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Every 2 ms: often enough for anything long enough to hurt, rare enough not to slow the statement down. */
        private static void pause() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops polling and returns every lock seen. */
        public Held stop() throws SQLException {
            running = false;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            return new Held(Map.copyOf(seen));
        }

        @Override
        public void close() throws SQLException {
            if (running) {
                stop();
            }
        }
    }
}
