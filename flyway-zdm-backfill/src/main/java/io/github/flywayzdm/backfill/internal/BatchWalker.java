package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillException;
import io.github.flywayzdm.backfill.BackfillListener;
import io.github.flywayzdm.backfill.BackfillOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks a key range batch after batch on one connection: each batch one short transaction that locks its rows in key
 * order, updates them and records its progress; retries with backoff, adapts the batch size, waits while paused or
 * unhealthy, and replaces a lost connection when it has a DataSource. One per worker.
 */
final class BatchWalker {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    /**
     * How long one reading of the checkpoint's status and of the health check stays good between batches. Each batch's
     * compare-and-set refuses a paused or cancelled backfill on its own, so a stale reading costs at most one refused
     * batch, never a row; reading before every batch cost three round trips per batch.
     */
    static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);

    /**
     * The breather between batches while the server looks strained: the last health reading had to wait, or the batch
     * took over 1.5x its target. A green server at the batch's pace gets only the configured pause (none by default).
     */
    static final Duration STRAINED_PAUSE = Duration.ofMillis(10);

    /**
     * Where the key has a btree index, the batch's transaction plans without sequential and bitmap scans: its UPDATE then
     * walks the key index, locking in key order by itself. Once a table's rows are no longer stored in key order (a
     * backfill writes every row's new version elsewhere, and statistics soon say so) the planner prefers a bitmap scan,
     * which needs the locking pass before it: measured on 10 M rows under traffic, 12% of the worker's time went there.
     */
    static final String WALK_THE_KEY_INDEX = "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; ";

    /** A plan seen to walk the key index in order is trusted this long before EXPLAIN looks again (new statistics). */
    static final Duration PLAN_RECHECK = Duration.ofSeconds(10);

    private final Backfill backfill;
    private final BackfillOptions options;
    private final String table;
    private final KeyRange range;
    private final Checkpoints checkpoints;
    private final DataSource reconnect;
    private final String resumeHint;
    private final Deadline deadline;
    private Connection connection;
    private int batchSize;
    private final BatchSizer sizer;
    private long retries;
    private KeyOrderPlan keyOrder;
    private BackfillListener listener = BackfillListener.none();
    private long statusReadAt;
    private boolean statusRead;
    private boolean healthyAtLastReading; // the last reading found nothing to wait for
    private long planSeenAt;
    private int planSeenUpTo; // the largest batch size whose UPDATE EXPLAIN showed in key order; 0: none yet

    /** {@code resumeHint}: the one step that resumes the backfill after it stopped, said in every stop message. */
    BatchWalker(Backfill backfill, String table, KeyRange range, Checkpoints checkpoints, Connection connection,
                DataSource reconnect, int batchSize, String resumeHint, Deadline deadline) {
        this.backfill = backfill;
        this.options = backfill.options();
        this.table = table;
        this.range = range;
        this.checkpoints = checkpoints;
        this.connection = connection;
        this.reconnect = reconnect;
        this.batchSize = batchSize;
        this.sizer = new BatchSizer(options);
        this.resumeHint = resumeHint;
        this.deadline = deadline;
    }

    /** Told of each committed batch and each wait (metrics). */
    BatchWalker listener(BackfillListener listener) {
        this.listener = listener;
        return this;
    }

    /** A bounded run's time is up: start no more batches. */
    boolean outOfTime() {
        return deadline.passed();
    }

    /** The current connection (a lost one is replaced). */
    Connection connection() {
        return connection;
    }

    int batchSize() {
        return batchSize;
    }

    long retries() {
        return retries;
    }

    /** What a walk did: rows and batches committed, and whether it reached its upper key. */
    record Segment(long rows, long batches, boolean complete) {
    }

    /** Batch after batch from {@code start} up to {@code upper}; stops early only when {@code advance} lost its range or the time is up. */
    Segment walk(String[] start, String[] upper, Advance advance, Progress progress, AtomicLong total) throws SQLException {
        String[] last = start;
        long updated = 0;
        long batches = 0;
        while (true) {
            String[] next;
            long rows;
            long took;
            if (outOfTime()) {
                return new Segment(updated, batches, false);
            }
            try {
                if (!statusRead || System.nanoTime() - statusReadAt > STATUS_INTERVAL.toNanos()) {
                    healthyAtLastReading = !waitWhilePausedOrUnhealthy(advance);
                    statusRead = true;
                    statusReadAt = System.nanoTime();
                }
                if (outOfTime()) {
                    return new Segment(updated, batches, false); // stopped while it waited
                }
                if (last != null && Arrays.equals(last, upper)) {
                    break;
                }
                Step step = batchWithRetries(last, upper, advance);
                if (step == null) {
                    break; // no row left up to upper
                }
                next = step.next();
                rows = step.rows();
                took = step.nanos();
            } catch (SQLException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                retries++;
                statusRead = false;
                replaceConnection(e); // outside a batch nothing was lost: go round again on a new connection
                if (!advance.reconnected()) {
                    return new Segment(updated, batches, false);
                }
                continue;
            }
            if (rows < 0) {
                statusRead = false; // read the status again before the next batch: it may say paused or cancelled now
                // refused: paused or cancelled (the loop's top waits or stops), already committed (a lost commit answer),
                // or the chunk was taken over; go on from what the checkpoint says
                Optional<Chunks.Position> position = advance.position();
                if (position.isEmpty()) {
                    return new Segment(updated, batches, false);
                }
                last = position.get().last();
                if (last != null && Arrays.equals(last, upper)) {
                    break;
                }
                continue;
            }
            progress.report(total.addAndGet(rows), batchSize, last, next);
            last = next;
            updated += rows;
            batches++;
            if (Arrays.equals(next, upper)) {
                break;
            }
            boolean strained = !healthyAtLastReading || took > options.targetBatchTime().toNanos() * 3 / 2;
            sleep(strained && STRAINED_PAUSE.compareTo(options.pause()) > 0 ? STRAINED_PAUSE : options.pause());
        }
        return new Segment(updated, batches, true);
    }


    private boolean hasRowsUpTo(String[] last, String[] upper) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE " + range.condition(last != null) + " LIMIT 1")) {
            range.bind(ps, 1, last, upper);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Retries lock timeouts, deadlocks, serialization failures and lost connections with backoff and jitter. */
    private Step batchWithRetries(String[] last, String[] upper, Advance advance) throws SQLException {
        int attempt = 0;
        while (true) {
            try {
                return batch(last, upper, advance);
            } catch (SQLException e) {
                rollbackQuietly();
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                boolean retryable = state.equals("55P03") || state.equals("40P01") || state.equals("40001")
                        || state.equals("57014") || connectionLost(e);
                attempt++;
                if (!retryable || attempt > options.maxRetries()) {
                    fail(e, attempt);
                }
                retries++;
                if (state.equals("57014")) {
                    batchSize = sizer.halve(batchSize); // statement_timeout: a smaller batch next
                }
                if (connectionLost(e)) {
                    replaceConnection(e);
                    if (!advance.reconnected()) {
                        return Step.REFUSED; // another live worker has the range now; position() tells the walk to stop
                    }
                }
                long backoff = Math.min(5_000, 50L << Math.min(attempt, 7));
                LOG.warn("{}: batch after key {} failed ({} {}), retry {} of {} in ~{} ms", backfill, KeyRange.text(last), state,
                        e.getMessage(), attempt, options.maxRetries(), backoff);
                sleep(Duration.ofMillis(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1)));
            }
        }
    }

    /** What one batch did: the key it ended at, its rows (-1: refused, see {@link Advance#record}) and its duration. */
    private record Step(String[] next, long rows, long nanos) {
        static final Step REFUSED = new Step(null, -1, 0);
    }

    /**
     * One short transaction: find where the batch ends, lock its rows in key order, update them, record the checkpoint.
     * Null when no row is left up to {@code upper}. Four round trips: the settings with the boundary probe (sent
     * together), the UPDATE, the checkpoint's compare-and-set, the commit.
     */
    private Step batch(String[] last, String[] upper, Advance advance) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        String[] next = boundary(last, upper);
        if (next == null) {
            connection.rollback();
            connection.setAutoCommit(true);
            return null;
        }
        String rangeCondition = range.condition(last != null);
        String filter = backfill.where() == null ? "" : " AND (" + backfill.where() + ")";
        String updateSql = "UPDATE " + table + " SET " + backfill.set() + " WHERE " + rangeCondition + filter;
        if (!updateVisitsInKeyOrder(updateSql, last, next)) {
            lockInKeyOrder(rangeCondition + filter, last, next);
        }
        long rows;
        try (PreparedStatement update = connection.prepareStatement(updateSql)) {
            range.bind(update, 1, last, next);
            rows = update.executeUpdate();
        }
        if (advance.record(last, next, rows) == 0) {
            connection.rollback();
            connection.setAutoCommit(true);
            return Step.REFUSED;
        }
        connection.commit();
        connection.setAutoCommit(true);
        long took = System.nanoTime() - started;
        int cutTo = batchSize;
        batchSize = sizer.next(batchSize, took);
        tell(() -> listener.batchCommitted(backfill.id(), rows, cutTo, Duration.ofNanos(took)));
        return new Step(next, rows, took);
    }

    /**
     * In the batch's transaction, in one round trip: its settings, then the key that ends it (the batchSize-th key after
     * {@code last}, or {@code upper} near the end); null when no row is left. The probe runs under the batch's
     * timeouts and sees the same committed rows the UPDATE will start from.
     */
    private String[] boundary(String[] last, String[] upper) throws SQLException {
        // asynchronous commit is safe here: the batch and its checkpoint commit together, so a crash that loses
        // the last commits loses their checkpoints too, and the next run redoes exactly those batches.
        // Custom plans only: the UPDATE must run with the plan EXPLAIN showed (see updateVisitsInKeyOrder).
        // The driver sends the statements of one prepared statement together and waits once.
        String sql = "SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'; SET LOCAL statement_timeout = '"
                + options.statementTimeout().toMillis() + "ms'; SET LOCAL synchronous_commit = off; "
                + "SET LOCAL plan_cache_mode = force_custom_plan; " + (keyOrder().possible() ? WALK_THE_KEY_INDEX : "")
                + "SELECT " + range.orderBy() + " FROM " + table + " WHERE "
                + range.condition(last != null) + " ORDER BY " + range.orderBy() + " OFFSET ? LIMIT 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = range.bind(ps, 1, last, upper);
            ps.setInt(i, batchSize - 1);
            boolean isResultSet = ps.execute();
            while (!isResultSet) {
                if (ps.getUpdateCount() == -1) {
                    throw new SQLException("the boundary probe returned no result set: " + sql);
                }
                isResultSet = ps.getMoreResults();
            }
            try (ResultSet rs = ps.getResultSet()) {
                return rs.next() ? read(rs) : hasRowsUpTo(last, upper) ? upper : null;
            }
        }
    }

    private KeyOrderPlan keyOrder() throws SQLException {
        if (keyOrder == null) {
            keyOrder = KeyOrderPlan.of(connection, table, backfill.key());
        }
        return keyOrder;
    }

    private boolean updateVisitsInKeyOrder(String updateSql, String[] last, String[] next) throws SQLException {
        if (!keyOrder().possible()) {
            return false;
        }
        // a smaller range than one seen in key order is planned the same way (fewer rows favour the index scan even
        // more); a larger one, or new statistics after a while, is looked at again
        if (planSeenUpTo > 0 && batchSize <= planSeenUpTo && System.nanoTime() - planSeenAt < PLAN_RECHECK.toNanos()) {
            return true;
        }
        boolean inOrder;
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + updateSql)) {
            range.bind(explain, 1, last, next);
            inOrder = keyOrder.visitsInKeyOrder(explain);
        }
        boolean recent = System.nanoTime() - planSeenAt < PLAN_RECHECK.toNanos();
        planSeenUpTo = !inOrder ? 0 : recent ? Math.max(planSeenUpTo, batchSize) : batchSize;
        planSeenAt = System.nanoTime();
        return inOrder;
    }

    /** Locks the batch's rows in key order, so it cannot deadlock with an application that also locks in key order. */
    private void lockInKeyOrder(String condition, String[] last, String[] next) throws SQLException {
        // ORDER BY runs before the row locks; counting on the server spares sending a row per locked row
        try (PreparedStatement lock = connection.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE "
                + condition + " ORDER BY " + range.orderBy() + " FOR NO KEY UPDATE) locked")) {
            range.bind(lock, 1, last, next);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
        }
    }

    /**
     * Returns when the backfill may go on, true when it had to wait first; throws when an operator cancelled it.
     * {@code advance}: told while waiting, or null.
     */
    boolean waitWhilePausedOrUnhealthy(Advance advance) throws SQLException {
        long loggedAt = 0;
        String logged = null;
        long waitStarted = System.nanoTime();
        String firstReason = null;
        try {
            while (true) {
                Optional<String> unhealthy = waitReason();
                if (unhealthy.isEmpty() || deadline.passed()) {
                    return firstReason != null;
                }
                if (firstReason == null) {
                    firstReason = unhealthy.get();
                }
                // said once, then again every progress interval or when the reason changes: waits can last hours
                String reason = unhealthy.get().replaceAll("[0-9.]+", "#");
                if (!reason.equals(logged) || System.nanoTime() - loggedAt > options.progressInterval().toNanos()) {
                    LOG.info("{}: waiting: {}", backfill, unhealthy.get());
                    logged = reason;
                    loggedAt = System.nanoTime();
                }
                if (advance != null) {
                    advance.heartbeat();
                }
                sleep(Duration.ofMillis(500));
            }
        } finally {
            if (firstReason != null) {
                String told = firstReason;
                Duration waited = Duration.ofNanos(System.nanoTime() - waitStarted);
                tell(() -> listener.waited(backfill.id(), told, waited));
            }
        }
    }

    /** Why the backfill must wait now (an operator's pause, the health check), or empty; throws when it must stop. */
    private Optional<String> waitReason() throws SQLException {
        Checkpoints.Row row = checkpoints.read(connection, backfill.id());
        if (row == null || row.status() == CheckpointStatus.CANCELLED) {
            throw new BackfillException(backfill + " was cancelled; its checkpoint is kept in " + checkpoints.table() + ". " + resumeHint);
        }
        if (row.status() == CheckpointStatus.DONE) {
            return Optional.empty(); // another instance finished: the walk finds its range done
        }
        if (row.status() != CheckpointStatus.RUNNING && row.status() != CheckpointStatus.PAUSED) {
            throw new StoppedByStatus(backfill + " stopped: its status in " + checkpoints.table() + " is '" + row.statusText()
                    + "' (another worker failed, or a typo; running, paused and cancelled are the operator's values). " + resumeHint);
        }
        return row.status() == CheckpointStatus.PAUSED ? Optional.of("paused by an operator") : options.healthCheck().waitReason(connection);
    }

    /** Metrics never stop a backfill. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("backfill listener failed: {}", e.toString());
        }
    }

    private void fail(SQLException e, int attempts) throws SQLException {
        String message = backfill + " stopped after " + attempts + " attempt(s): " + e.getSQLState() + " " + e.getMessage()
 + ". Progress is kept in " + checkpoints.table() + ". " + resumeHint;
        try {
            checkpoints.setStatus(connection, backfill.id(), CheckpointStatus.FAILED, e.getSQLState() + " " + e.getMessage());
        } catch (SQLException ignored) {
            // the connection may be gone; the checkpoint of the last committed batch is what matters
        }
        throw new BackfillException(message, e);
    }

    /** 08xxx connection errors, and 57P01-57P03: the server terminated the backend or is restarting. */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** A new connection from the DataSource, retried with backoff while the server restarts (about 30 s in all). */
    void replaceConnection(SQLException cause) throws SQLException {
        if (reconnect == null) {
            throw new BackfillException(backfill + " lost its connection (" + cause.getMessage() + "); progress is kept in "
                    + checkpoints.table() + ". " + resumeHint, cause);
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
        for (int attempt = 0; ; attempt++) {
            try {
                connection = reconnect.getConnection();
                connection.setAutoCommit(true);
                return;
            } catch (SQLException e) {
                if (attempt >= 12 || !connectionLost(e)) {
                    throw new BackfillException(backfill + " could not reconnect (" + e.getMessage() + "); progress is kept in "
                            + checkpoints.table() + ". " + resumeHint, e);
                }
                LOG.warn("{}: reconnecting after {} ({}), attempt {}", backfill, cause.getSQLState(), e.getMessage(), attempt + 1);
                sleep(Duration.ofMillis(Math.min(5_000, 100L << attempt)));
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // a broken connection: replaceConnection handles it
        }
    }

    static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackfillException("interrupted", e);
        }
    }

    private String[] read(ResultSet rs) throws SQLException {
        String[] key = new String[range.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = rs.getString(i + 1);
        }
        return key;
    }
}
