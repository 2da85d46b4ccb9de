package io.github.flywayzdm.backfill;

import io.github.flywayzdm.backfill.internal.BackfillRun;
import io.github.flywayzdm.backfill.internal.Caller;
import io.github.flywayzdm.backfill.internal.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the background backfills queued in PostgreSQL ({@link Backfill#enqueue}, {@link BackgroundBackfillMigration}).
 * Workers in any number of processes coordinate only through the database: each job's key range is cut into chunks,
 * a worker leases a chunk with a session-level advisory lock (a dead holder's chunk is taken over at once, a live
 * holder keeps it) and each batch commits with a compare-and-set on its chunk's position, so every row is updated
 * exactly once.
 *
 * <pre>{@code
 * BackfillWorker.create(dataSource).runPending();            // a job, a cron: returns when nothing is left to run
 * BackfillWorker worker = BackfillWorker.create(dataSource).start();  // in an application: a background thread
 * worker.stop();                                             // after the current batch; its chunks are freed
 * }</pre>
 *
 * It uses no Flyway class. Connections must be session-level (direct, or a session-mode pool): not PgBouncer's
 * transaction pooling.
 */
public final class BackfillWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    /** What one {@link #runPending()} did: each run's result, and the jobs that stopped with an error (id → message). */
    public record Report(List<BackfillResult> results, Map<String, String> failures) {

        /** Every job it ran finished, and none failed. */
        public boolean complete() {
            return failures.isEmpty() && results.stream().allMatch(BackfillResult::complete);
        }
    }

    private final DataSource dataSource;
    private String checkpointSchema;
    private Integer threads;
    private String onlyJob;
    private HealthCheck healthCheck = BackfillOptions.defaults().healthCheck();
    private volatile HealthCheck pauseCondition = HealthCheck.none();
    private volatile BackfillListener listener = BackfillListener.none();
    private Duration progressInterval = BackfillOptions.defaults().progressInterval();
    private Duration pollInterval = Duration.ofSeconds(5);
    private volatile boolean stopping;
    private Thread thread;

    private BackfillWorker(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public static BackfillWorker create(DataSource dataSource) {
        return new BackfillWorker(dataSource);
    }

    /** Where the jobs and checkpoints are (null, the default: the first schema of the search path). */
    public BackfillWorker checkpointSchema(String schema) {
        this.checkpointSchema = schema;
        return this;
    }

    /** Runs only the job with this id (default: every runnable job). */
    public BackfillWorker only(String jobId) {
        this.onlyJob = jobId;
        return this;
    }

    /** Threads in this process per job, each with its own connection (default: the workers the job was declared with). */
    public BackfillWorker threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + count);
        }
        this.threads = count;
        return this;
    }

    /** Consulted between batches, at most once a second (default: replica lag over 10 s, lock waits over 5 s); a health check is code, not stored. */
    public BackfillWorker healthCheck(HealthCheck check) {
        this.healthCheck = Objects.requireNonNull(check);
        return this;
    }

    /**
     * Consulted before each batch after the health check, for a reason of the embedding application's own (its
     * health, its readiness): while it gives one, the worker waits, holding its chunks. Default: none.
     */
    public BackfillWorker pauseCondition(HealthCheck condition) {
        this.pauseCondition = Objects.requireNonNull(condition);
        return this;
    }

    /** Told of each committed batch and each wait (metrics). Default: none. */
    public BackfillWorker listener(BackfillListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    public BackfillWorker progressInterval(Duration interval) {
        this.progressInterval = Objects.requireNonNull(interval);
        return this;
    }

    /** How often {@link #start()}'s thread looks for new jobs when none is runnable (default 5 s). */
    public BackfillWorker pollInterval(Duration interval) {
        this.pollInterval = Objects.requireNonNull(interval);
        return this;
    }

    /**
     * Runs every job whose status is running, oldest first, each until all its chunks are done (waiting for chunks
     * other live workers hold, taking over those of dead ones), then returns. Paused, cancelled, failed and done jobs
     * are left alone; a job paused while it runs makes this wait. Each job is tried once per call: one that fails is
     * in {@link Report#failures()} (its checkpoint says failed; {@code zdm backfill retry} re-queues it).
     */
    public Report runPending() throws SQLException {
        List<BackfillResult> results = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> tried = new HashSet<>();
        Jobs jobs = new Jobs(checkpointSchema);
        BackfillOptions local = BackfillOptions.defaults().withCheckpointSchema(checkpointSchema).withHealthCheck(healthCheck.and(pauseCondition))
                .withProgressInterval(progressInterval);
        while (!stopping) {
            Jobs.Definition next = null;
            try (Connection c = dataSource.getConnection()) {
                if (!jobs.exists(c)) {
                    break;
                }
                for (String id : jobs.runnable(c)) {
                    if ((onlyJob == null || onlyJob.equals(id)) && tried.add(id)) {
                        next = jobs.definition(c, id);
                        break;
                    }
                }
            }
            if (next == null) {
                break;
            }
            Backfill backfill = next.backfill(local, threads);
            try (Connection c = dataSource.getConnection()) {
                BackfillResult result = new BackfillRun(backfill, c, dataSource, Caller.WORKER, null, () -> stopping).listener(listener).execute(false);
                results.add(result);
            } catch (BackfillException | SQLException e) {
                LOG.warn("{}: {}", backfill, e.getMessage());
                failures.put(backfill.id(), e.getMessage());
            }
        }
        return new Report(results, failures);
    }

    /** Starts a daemon thread that runs pending jobs, then polls for new ones, until {@link #stop}. */
    public synchronized BackfillWorker start() {
        if (thread != null) {
            throw new IllegalStateException("this worker was started already");
        }
        thread = new Thread(this::loop, "zdm-backfill-worker");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void loop() {
        while (!stopping) {
            try {
                runPending();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("backfill worker: {} (trying again in {} s)", e.getMessage(), pollInterval.toSeconds());
            }
            synchronized (this) {
                if (!stopping) {
                    try {
                        wait(Math.max(1, pollInterval.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Asks the worker to stop: no batch starts after this, a batch under way commits, its chunks are freed for other
     * workers. Waits up to {@code wait} for that; true when the worker's thread has ended.
     */
    public boolean stop(Duration wait) {
        stopping = true;
        Thread t;
        synchronized (this) {
            notifyAll();
            t = thread;
        }
        if (t == null) {
            return true;
        }
        try {
            t.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** {@link #stop(Duration)} waiting up to 60 s (a batch is bounded by the statement timeout, 30 s by default). */
    public boolean stop() {
        return stop(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        stop();
    }
}
