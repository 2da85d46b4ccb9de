package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chunks of a parallel backfill worked by {@code workers} threads (the calling one included). Helper threads stop
 * when nothing is left to lease; the calling thread then waits for the chunks other live sessions hold, and takes over
 * any whose holder dies, until every chunk is done, or gives up when the holders stopped committing (see
 * {@link Outcome#unfinished}).
 */
final class ParallelRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    /** A lease not renewed for this long (no committed batch, no heartbeat) marks its live holder as stalled. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(200);

    /** What the run did; {@code unfinished} is null when every chunk is done, else why not. */
    record Outcome(long rowsUpdated, long batches, long retries, String unfinished) {
    }

    private final Backfill backfill;
    private final Chunks chunks;
    private final DataSource dataSource;
    private final Function<Connection, BatchWalker> walkers;
    private final Progress progress;
    private final AtomicLong total;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    /** {@code walkers}: a walker on a given connection; {@code total}: rows done over all runs, for progress. */
    ParallelRun(Backfill backfill, Chunks chunks, DataSource dataSource, Function<Connection, BatchWalker> walkers,
                Progress progress, AtomicLong total) {
        this.backfill = backfill;
        this.chunks = chunks;
        this.dataSource = dataSource;
        this.walkers = walkers;
        this.progress = progress;
        this.total = total;
    }

    Outcome run(BatchWalker main) throws SQLException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i < backfill.options().workers(); i++) {
            Thread t = new Thread(() -> {
                try (Connection c = dataSource.getConnection()) {
                    BatchWalker helper = walkers.apply(c);
                    try {
                        workChunks(helper);
                    } finally {
                        retries.addAndGet(helper.retries());
                        if (helper.connection() != c) {
                            helper.connection().close(); // a replacement after a lost connection
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "zdm-backfill-worker-" + i);
            t.start();
            threads.add(t);
        }
        String unfinished = null;
        Exception mainFailure = null;
        try {
            workChunks(main);
            unfinished = failures.isEmpty() ? waitForOtherHolders(main) : null;
        } catch (SQLException | RuntimeException e) {
            mainFailure = e; // may be the consequence of a helper's failure: cause() picks the real one
        } finally {
            join(threads);
            retries.addAndGet(main.retries());
        }
        if (mainFailure != null) {
            failures.add(0, mainFailure);
        }
        if (!failures.isEmpty()) {
            throw cause(failures);
        }
        return new Outcome(updated.get(), batches.get(), retries.get(), unfinished);
    }

    /** The first failure that is not just a worker stopping because another one failed; the others suppressed. */
    private RuntimeException cause(List<Throwable> failures) throws SQLException {
        Throwable first = failures.stream().filter(f -> !(f instanceof StoppedByStatus)).findFirst().orElse(failures.get(0));
        for (Throwable other : failures) {
            if (other != first) {
                first.addSuppressed(other);
            }
        }
        if (first instanceof SQLException e) {
            throw e;
        }
        return first instanceof RuntimeException r ? r : new BackfillException(backfill + ": a worker failed: " + first, first);
    }

    /** Leases chunk after chunk until none is left that no live session holds. */
    private void workChunks(BatchWalker walker) throws SQLException {
        String worker = ProcessHandle.current().pid() + "/" + Thread.currentThread().getName() + "/"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Chunks.Lease lease;
        while (!walker.outOfTime() && (lease = leaseOne(walker, worker)) != null) {
            work(walker, worker, lease);
        }
    }

    private Chunks.Lease leaseOne(BatchWalker walker, String worker) throws SQLException {
        return reconnecting(walker, c -> chunks.lease(c, backfill.id(), worker, LEASE));
    }

    private interface OnConnection<T> {
        T call(Connection c) throws SQLException;
    }

    /** Runs {@code call} on the walker's connection, replaced (and the call repeated) when it was lost. */
    private static <T> T reconnecting(BatchWalker walker, OnConnection<T> call) throws SQLException {
        while (true) {
            try {
                return call.call(walker.connection());
            } catch (SQLException e) {
                if (!BatchWalker.connectionLost(e)) {
                    throw e;
                }
                walker.replaceConnection(e);
            }
        }
    }

    private void work(BatchWalker walker, String worker, Chunks.Lease chunk) throws SQLException {
        ChunkAdvance advance = new ChunkAdvance(walker, worker, chunk.chunk());
        BatchWalker.Segment done;
        try {
            done = walker.walk(chunk.last(), chunk.upper(), advance, progress, total);
            batches.addAndGet(done.batches());
            updated.addAndGet(done.rows());
            if (done.complete()) {
                chunks.finish(walker.connection(), backfill.id(), chunk.chunk(), worker);
            } else if (!walker.outOfTime()) {
                LOG.info("{}: chunk {} is worked by another live worker now", backfill, chunk.chunk());
            }
        } finally {
            releaseQuietly(walker, chunk.chunk());
        }
    }

    /**
     * Nothing left to lease here: wait while live sessions (other instances, other threads) work the remaining chunks,
     * taking over any whose holder dies. Null when all are done; the reason when every holder left stopped committing.
     */
    private String waitForOtherHolders(BatchWalker walker) throws SQLException {
        String worker = ProcessHandle.current().pid() + "/" + Thread.currentThread().getName() + "/waiting";
        long loggedAt = 0;
        while (true) {
            List<Chunks.Unfinished> left = reconnecting(walker, c -> chunks.unfinished(c, backfill.id()));
            if (left.isEmpty()) {
                return null;
            }
            if (walker.outOfTime()) {
                return null; // the caller says why: its time bound
            }
            Chunks.Lease lease = leaseOne(walker, worker);
            if (lease != null) {
                LOG.info("{}: chunk {} had no live holder any more: taking it over after key {}", backfill, lease.chunk(),
                        KeyRange.text(lease.last()));
                work(walker, worker, lease);
                continue;
            }
            List<Chunks.Unfinished> held = left.stream().filter(u -> u.holderPid() != 0).toList();
            if (!held.isEmpty() && held.stream().allMatch(Chunks.Unfinished::stalled)) {
                return stalledMessage(held);
            }
            if (System.nanoTime() - loggedAt > backfill.options().progressInterval().toNanos()) {
                LOG.info("{}: waiting for {} chunk(s) worked by other live sessions (pid {})", backfill, held.size(), pids(held));
                loggedAt = System.nanoTime();
            }
            walker.waitWhilePausedOrUnhealthy(null); // a cancel stops the wait too
            BatchWalker.sleep(POLL);
        }
    }

    private String stalledMessage(List<Chunks.Unfinished> held) {
        return held.size() + " chunk(s) are held by live database sessions (pid " + pids(held) + ") that committed no batch for "
                + LEASE.toSeconds() + " s. They keep their chunks; if those processes are really gone, end their sessions "
                + "(SELECT pg_terminate_backend(pid)) and run the backfill again, otherwise run it again later";
    }

    private static String pids(List<Chunks.Unfinished> held) {
        return held.stream().map(u -> String.valueOf(u.holderPid())).distinct().collect(Collectors.joining(", "));
    }

    private void releaseQuietly(BatchWalker walker, int chunk) {
        try {
            chunks.release(walker.connection(), backfill.id(), chunk);
        } catch (SQLException e) {
            LOG.debug("{}: could not release chunk {} ({}); the session's end releases it", backfill, chunk, e.getMessage());
        }
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackfillException("interrupted while waiting for the backfill's workers", e);
            }
        }
    }

    /** A batch recorded on the leased chunk, only while this worker still holds it. */
    private final class ChunkAdvance implements Advance {
        private final BatchWalker walker;
        private final String worker;
        private final int chunk;
        private boolean lost;

        ChunkAdvance(BatchWalker walker, String worker, int chunk) {
            this.walker = walker;
            this.worker = worker;
            this.chunk = chunk;
        }

        @Override
        public int record(String[] last, String[] next, long rows) throws SQLException {
            return lost ? 0 : chunks.advance(walker.connection(), backfill.id(), chunk, worker, last, next, rows, LEASE);
        }

        @Override
        public Optional<Chunks.Position> position() throws SQLException {
            return lost ? Optional.empty() : chunks.position(walker.connection(), backfill.id(), chunk, worker);
        }

        @Override
        public void heartbeat() throws SQLException {
            chunks.renew(walker.connection(), backfill.id(), chunk, worker, LEASE);
        }

        @Override
        public boolean reconnected() throws SQLException {
            lost = !chunks.reclaim(walker.connection(), backfill.id(), chunk);
            return !lost;
        }
    }
}
