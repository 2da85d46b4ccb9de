package io.github.flywayzdm.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One backfill as {@code zdm backfill status} shows it.
 *
 * @param id         the checkpoint id
 * @param table      the table, as quoted in the checkpoint
 * @param background true for a queued job (a worker can run it), false for a synchronous run's checkpoint
 * @param status     running, paused, cancelled, failed, done (or an operator's other value)
 * @param rowsDone   rows updated so far, over all runs and workers
 * @param percent    share done, 0-100, or -1 when the total is unknown (stale statistics, a non-numeric key)
 * @param rowsPerSecond rows done per second since it was queued (pauses and time without a worker included)
 * @param eta        time left at that rate, or null when unknown or done
 * @param chunks     chunks in all (0: not chunked), and how many are done
 * @param holders    the live sessions working it now, as "chunk N: pid P (worker)"
 * @param lastError  the error that stopped it last, or null
 */
public record BackfillStatus(String id, String table, boolean background, String status, long rowsDone, double percent,
                             double rowsPerSecond, Duration eta, int chunks, int chunksDone, List<String> holders,
                             String lastError, Instant startedAt, Instant updatedAt, Instant finishedAt) {
}
