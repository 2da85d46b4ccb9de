package io.github.flywayzdm.backfill;

import java.time.Duration;
import java.util.Objects;

/**
 * How a backfill paces itself. Defaults: batches of 1,000 rows adapting between 100 and 50,000 to take about
 * 200 ms each (sized by a smoothed rows-per-second rate), lock_timeout 1 s and statement_timeout 30 s per batch,
 * 10 retries, no pause between batches while the server is healthy and batches keep to their target (10 ms when the
 * last health reading had to wait or a batch took over 1.5x its target), and a wait while a replica lags more than
 * 10 s or another session has waited on a lock for more than 5 s.
 *
 * @param initialBatchSize  rows in the first batch
 * @param minBatchSize      the adaptive size never goes below this
 * @param maxBatchSize      nor above this
 * @param targetBatchTime   the batch duration the size adapts to
 * @param pause             sleep between batches (a throttle: always slept; at least 10 ms while the server looks strained)
 * @param lockTimeout       SET LOCAL lock_timeout of each batch
 * @param statementTimeout  SET LOCAL statement_timeout of each batch
 * @param maxRetries        consecutive retries of one batch (lock timeout, deadlock, serialization, lost connection)
 * @param checkpointSchema  schema of the zdm_backfill_progress table (null: the first schema of the search path)
 * @param healthCheck       consulted between batches, at most once a second; may ask to wait (replication lag, load)
 * @param progressInterval  how often progress is logged
 * @param workers           parallel workers (threads, each with its own connection from the DataSource) sharing the
 *                          key range through leased chunks; other application instances running the same backfill id
 *                          join in. 1: one worker walking the whole range.
 */
public record BackfillOptions(int initialBatchSize, int minBatchSize, int maxBatchSize, Duration targetBatchTime,
                              Duration pause, Duration lockTimeout, Duration statementTimeout, int maxRetries,
                              String checkpointSchema, HealthCheck healthCheck, Duration progressInterval, int workers) {

    public BackfillOptions {
        if (minBatchSize < 1 || maxBatchSize < minBatchSize || initialBatchSize < minBatchSize || initialBatchSize > maxBatchSize) {
            throw new IllegalArgumentException("batch sizes must satisfy 1 <= min <= initial <= max");
        }
        Objects.requireNonNull(targetBatchTime);
        Objects.requireNonNull(pause);
        Objects.requireNonNull(lockTimeout);
        Objects.requireNonNull(statementTimeout);
        Objects.requireNonNull(healthCheck);
        Objects.requireNonNull(progressInterval);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, got " + workers);
        }
    }

    public static BackfillOptions defaults() {
        return new BackfillOptions(1_000, 100, 50_000, Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 10, null,
                HealthCheck.replicationLag(Duration.ofSeconds(10)).and(HealthCheck.lockWaits(Duration.ofSeconds(5))),
                Duration.ofSeconds(10), 1);
    }

    public BackfillOptions withBatchSize(int initial, int min, int max) {
        return edit(d -> {
            d.initialBatchSize = initial;
            d.minBatchSize = min;
            d.maxBatchSize = max;
        });
    }

    public BackfillOptions withTargetBatchTime(Duration target) {
        return edit(d -> d.targetBatchTime = target);
    }

    /** A throttle slept after every batch (none by default; 10 ms is slept anyway while the server looks strained). */
    public BackfillOptions withPause(Duration between) {
        return edit(d -> d.pause = between);
    }

    public BackfillOptions withTimeouts(Duration lock, Duration statement) {
        return edit(d -> {
            d.lockTimeout = lock;
            d.statementTimeout = statement;
        });
    }

    public BackfillOptions withMaxRetries(int retries) {
        return edit(d -> d.maxRetries = retries);
    }

    public BackfillOptions withCheckpointSchema(String schema) {
        return edit(d -> d.checkpointSchema = schema);
    }

    public BackfillOptions withHealthCheck(HealthCheck check) {
        return edit(d -> d.healthCheck = check);
    }

    /** How often progress is logged (a terminal's bar is redrawn more often); the summary line comes at the end anyway. */
    public BackfillOptions withProgressInterval(Duration interval) {
        return edit(d -> d.progressInterval = interval);
    }

    /** Parallel workers sharing the key range through chunks leased in the checkpoint table (needs a DataSource). */
    public BackfillOptions withWorkers(int count) {
        return edit(d -> d.workers = count);
    }

    /** A copy with {@code change} applied, validated by the canonical constructor like any other. */
    private BackfillOptions edit(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new BackfillOptions(d.initialBatchSize, d.minBatchSize, d.maxBatchSize, d.targetBatchTime, d.pause,
                d.lockTimeout, d.statementTimeout, d.maxRetries, d.checkpointSchema, d.healthCheck, d.progressInterval, d.workers);
    }

    /** The components, writable: what one {@code with...} changes before the copy is built. */
    private static final class Draft {
        int initialBatchSize;
        int minBatchSize;
        int maxBatchSize;
        Duration targetBatchTime;
        Duration pause;
        Duration lockTimeout;
        Duration statementTimeout;
        int maxRetries;
        String checkpointSchema;
        HealthCheck healthCheck;
        Duration progressInterval;
        int workers;

        Draft(BackfillOptions o) {
            initialBatchSize = o.initialBatchSize;
            minBatchSize = o.minBatchSize;
            maxBatchSize = o.maxBatchSize;
            targetBatchTime = o.targetBatchTime;
            pause = o.pause;
            lockTimeout = o.lockTimeout;
            statementTimeout = o.statementTimeout;
            maxRetries = o.maxRetries;
            checkpointSchema = o.checkpointSchema;
            healthCheck = o.healthCheck;
            progressInterval = o.progressInterval;
            workers = o.workers;
        }
    }
}
