package io.github.flywayzdm.callbacks.internal;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the running migration from a second session: who blocks it (for the diagnosis when it times out) and who
 * queues behind it (the watchdog cancels the migration when a queued session waits longer than the limit).
 * Polling starts only after one interval, so quick migrations cost nothing.
 */
public final class SessionMonitor implements AutoCloseable {

    private static final ZdmLog LOG = ZdmLog.get(SessionMonitor.class);

    private static final String POLL = """
            SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),
                   coalesce((extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint, 0),
                   left(coalesce(a.query, ''), 300),
                   a.pid = ANY (pg_blocking_pids(?)) AS blocks_migration,
                   coalesce((extract(epoch FROM clock_timestamp() - a.state_change) * 1000)::bigint, 0),
                   coalesce((SELECT string_agg(DISTINCT l.mode || ' on ' || l.relation::regclass::text, ', ')
                             FROM pg_locks l
                             WHERE l.pid = a.pid AND l.relation IN
                                   (SELECT m.relation FROM pg_locks m WHERE m.pid = ? AND NOT m.granted)), ''),
                   coalesce((SELECT string_agg(m.mode || ' on ' || coalesce(m.relation::regclass::text, m.locktype), ', ')
                             FROM pg_locks m WHERE m.pid = ? AND NOT m.granted), '')
            FROM pg_stat_activity a
            WHERE a.pid <> ? AND (a.pid = ANY (pg_blocking_pids(?)) OR ? = ANY (pg_blocking_pids(a.pid)))""";

    /** What was seen while one migration ran. */
    public static final class Watch {
        private final int pid;
        private final Duration watchdogLimit;
        private final Map<Integer, Blocker> blockers = new LinkedHashMap<>();
        private String waitedFor = "";
        private long maxQueuedMillis;
        private Blocker queuedVictim;
        private boolean cancelled;
        private long lastPollNanos = System.nanoTime();

        Watch(int pid, Duration watchdogLimit) {
            this.pid = pid;
            this.watchdogLimit = watchdogLimit;
        }

        public int pid() {
            return pid;
        }

        public synchronized List<Blocker> blockers() {
            return List.copyOf(blockers.values());
        }

        /** The lock(s) the migration was seen waiting for, e.g. "ShareLock on orders". */
        public synchronized String waitedFor() {
            return waitedFor;
        }

        /** The longest a session was seen queued behind the migration. */
        public synchronized long maxQueuedMillis() {
            return maxQueuedMillis;
        }

        public synchronized boolean cancelled() {
            return cancelled;
        }

        /** The queued session that made the watchdog cancel the migration. */
        public synchronized Optional<Blocker> queuedVictim() {
            return Optional.ofNullable(queuedVictim);
        }
    }

    private final Connection connection;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private volatile Watch active;

    /**
     * One ticker for the whole run, at half the interval, rather than a task per migration: scheduling and cancelling
     * one per migration woke the monitor thread every time, a measurable cost on runs of small migrations.
     */
    public SessionMonitor(Connection connection, Duration interval) {
        this.connection = connection;
        this.interval = interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flyway-zdm-monitor");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, interval.toMillis() / 2);
        executor.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    public Connection connection() {
        return connection;
    }

    /** Starts watching the migration session {@code pid}; empty watchdog limit = only observe. */
    public Watch start(int pid, Optional<Duration> watchdogLimit) {
        Watch w = new Watch(pid, watchdogLimit.orElse(Duration.ZERO));
        active = w;
        return w;
    }

    /** Stops watching; waits for a poll in progress so the watch is complete. */
    public void stop(Watch w) {
        if (w == null) {
            return;
        }
        if (active == w) {
            active = null;
        }
        synchronized (connection) {
            // a poll of w holds this lock; once we have it, none is running and none will start
        }
    }

    /** Polls the active watch once at least one interval has passed since it started or was last polled. */
    private void tick() {
        try {
            synchronized (connection) {
                Watch w = active;
                long now = System.nanoTime();
                if (w == null || now - w.lastPollNanos < interval.toNanos()) {
                    return;
                }
                w.lastPollNanos = now;
                pollOnce(w);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("flyway-zdm monitor poll failed: {}", e.getMessage());
        }
    }

    private void pollOnce(Watch w) throws SQLException {
        Blocker victim = null;
        long victimWait = 0;
        try (PreparedStatement ps = connection.prepareStatement(POLL)) {
            for (int i = 1; i <= 6; i++) {
                ps.setInt(i, w.pid);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Blocker b = new Blocker(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(8));
                    synchronized (w) {
                        if (!rs.getString(9).isEmpty()) {
                            w.waitedFor = rs.getString(9);
                        }
                        if (rs.getBoolean(6)) {
                            w.blockers.put(b.pid(), b);
                        } else {
                            long waited = rs.getLong(7);
                            w.maxQueuedMillis = Math.max(w.maxQueuedMillis, waited);
                            if (!w.watchdogLimit.isZero() && waited > w.watchdogLimit.toMillis() && waited > victimWait) {
                                victim = b;
                                victimWait = waited;
                            }
                        }
                    }
                }
            }
        }
        if (victim != null && !w.cancelled) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_cancel_backend(?)")) {
                ps.setInt(1, w.pid);
                ps.executeQuery().close();
            }
            synchronized (w) {
                w.cancelled = true;
                w.queuedVictim = victim;
            }
            LOG.error("flyway-zdm watchdog: cancelled the migration (pid {}): {} has been queued behind its locks for {} "
                    + "(limit {})", w.pid, victim.describe(), DurationFormat.format(Duration.ofMillis(victimWait)),
                    DurationFormat.format(w.watchdogLimit));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with a broken monitor session
        }
    }
}
