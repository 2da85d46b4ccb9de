package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillException;
import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.BackfillResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** One run of a backfill: resume from the checkpoint, then batch after batch until the upper key. */
public final class BackfillRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    private final Backfill backfill;
    private final BackfillOptions options;
    private final DataSource reconnect;
    private final Checkpoints checkpoints;
    private final Chunks chunks;
    private final String table;
    private Connection connection;
    private KeyRange range;
    private int batchSize;
    private long retries;
    private KeyOrderPlan keyOrder;

    public BackfillRun(Backfill backfill, Connection connection, DataSource reconnect) {
        this.backfill = backfill;
        this.options = backfill.options();
        this.connection = connection;
        this.reconnect = reconnect;
        this.checkpoints = new Checkpoints(options.checkpointSchema());
        this.chunks = new Chunks(options.checkpointSchema());
        this.table = Identifiers.qualified(backfill.schema(), backfill.table());
        this.batchSize = options.initialBatchSize();
    }

    public BackfillResult execute(boolean dryRun) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(true);
            range = new KeyRange(backfill.key(), keyTypes());
            return dryRun ? dryRun(started) : run(started);
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private BackfillResult dryRun(long started) throws SQLException {
        Checkpoints.Row row = checkpoints.exists(connection) ? checkpoints.read(connection, backfill.id()) : null;
        String[] upper = row != null && row.upperKey() != null ? row.upperKey() : maxKey();
        String[] lower = row == null ? null : row.lastKey();
        long estimated = estimateRows();
        return new BackfillResult(backfill.id(), 0, row == null ? 0 : row.rowsDone(), 0, 0, batchSize, elapsed(started), false,
                true, estimated, (estimated + batchSize - 1) / batchSize, text(lower), text(upper), -1);
    }

    private BackfillResult run(long started) throws SQLException {
        checkpoints.ensureTable(connection);
        chunks.ensureTable(connection);
        Checkpoints.Row row = checkpoints.read(connection, backfill.id());
        if (row == null) {
            start();
            row = checkpoints.read(connection, backfill.id());
        }
        if ("done".equals(row.status())) {
            LOG.info("{}: already done ({} rows), nothing to do", backfill, row.rowsDone());
            return result(0, row.rowsDone(), 0, started, true, row.lastKey(), row.upperKey(), -1);
        }
        if ("cancelled".equals(row.status())) {
            throw new BackfillException(backfill + " was cancelled; set status = 'running' in " + checkpoints.table()
                    + " to resume it after row key " + text(row.lastKey()));
        }
        if (!"running".equals(row.status()) && !"paused".equals(row.status())) {
            checkpoints.setStatus(connection, backfill.id(), "running", null); // resume after a failure
        }
        if (row.batchSize() != null) {
            batchSize = Math.max(options.minBatchSize(), Math.min(options.maxBatchSize(), row.batchSize()));
        }
        return chunks.exist(connection, backfill.id()) ? parallel(started, row) : single(started, row);
    }

    /** Creates the checkpoint (and, for parallel workers, the chunks) in one transaction; another instance may win. */
    private void start() throws SQLException {
        String[] upper = maxKey();
        List<String[]> boundaries = options.workers() > 1 && upper != null ? ChunkBoundaries.of(connection, table, range, backfill.key(),
                upper, options.workers() * 4) : List.of();
        connection.setAutoCommit(false);
        try {
            boolean created = checkpoints.create(connection, backfill.id(), table, upper, upper == null ? "done" : "running", batchSize);
            if (created && boundaries.size() > 1) {
                chunks.create(connection, backfill.id(), boundaries);
                LOG.info("{}: key range cut into {} chunks for {} workers", backfill, boundaries.size(), options.workers());
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private BackfillResult single(long started, Checkpoints.Row row) throws SQLException {
        String[] upper = row.upperKey();
        Progress progress = new Progress(backfill.toString(), estimateRows(), row.rowsDone(), options.progressInterval());
        LOG.info("{}: {} keys after {} up to {}", backfill, row.lastKey() == null ? "starting" : "resuming", text(row.lastKey()), text(upper));
        AtomicLong total = new AtomicLong(row.rowsDone());
        Segment done = segment(row.lastKey(), upper, new Advance() {
            @Override
            public int record(String[] last, String[] next, long rows) throws SQLException {
                return checkpoints.advance(connection, backfill.id(), last, next, rows, batchSize);
            }

            @Override
            public Optional<Chunks.Position> position() throws SQLException {
                return Optional.of(new Chunks.Position(checkpoints.read(connection, backfill.id()).lastKey()));
            }
        }, progress, total);
        progress.finish(total.get());
        checkpoints.setStatus(connection, backfill.id(), "done", null);
        long rowsDone = checkpoints.read(connection, backfill.id()).rowsDone();
        BackfillResult result = result(done.rows(), rowsDone, done.batches(), started, false, row.lastKey(), upper, rowsLeft(upper));
        LOG.info("{}", result);
        return result;
    }

    /** Work chunks with {@code workers} threads (this one included) until none is left to lease. */
    private BackfillResult parallel(long started, Checkpoints.Row row) throws SQLException {
        int workers = options.workers();
        if (workers > 1 && reconnect == null) {
            throw new IllegalArgumentException(backfill + ": parallel workers need a DataSource (Backfill.run(DataSource)), "
                    + "one connection each");
        }
        long before = chunks.totals(connection, backfill.id())[0];
        AtomicLong total = new AtomicLong(before);
        Progress progress = new Progress(backfill.toString(), estimateRows(), before, options.progressInterval());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong batches = new AtomicLong();
        AtomicLong updated = new AtomicLong();
        for (int i = 1; i < workers; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = reconnect.getConnection()) {
                    BackfillRun helper = new BackfillRun(backfill, c, reconnect);
                    helper.range = range;
                    helper.batchSize = batchSize;
                    helper.workChunks(progress, total, batches, updated);
                    addRetries(helper.retries);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "zdm-backfill-worker-" + i);
            t.start();
            threads.add(t);
        }
        workChunks(progress, total, batches, updated);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackfillException("interrupted while waiting for the workers of " + backfill, e);
            }
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            throw first instanceof BackfillException b ? b : new BackfillException(backfill + ": a worker failed: " + first, first);
        }
        progress.finish(total.get());
        long[] totals = chunks.totals(connection, backfill.id());
        if (totals[1] > 0) {
            LOG.info("{}: this instance is done; {} chunk(s) are still leased by other workers", backfill, totals[1]);
            return result(updated.get(), totals[0], batches.get(), started, false, null, row.upperKey(), -1);
        }
        checkpoints.finish(connection, backfill.id(), totals[0]);
        BackfillResult result = result(updated.get(), totals[0], batches.get(), started, false, null, row.upperKey(), rowsLeft(row.upperKey()));
        LOG.info("{} ({} workers)", result, workers);
        return result;
    }

    private synchronized void addRetries(long more) {
        retries += more;
    }

    /** Leases chunk after chunk until none is left, each walked like a single backfill but recorded on its chunk row. */
    private void workChunks(Progress progress, AtomicLong total, AtomicLong batches, AtomicLong updated) throws SQLException {
        String worker = ProcessHandle.current().pid() + "/" + Thread.currentThread().getName() + "/"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Chunks.Lease lease;
        while ((lease = chunks.lease(connection, backfill.id(), worker, LEASE)) != null) {
            Chunks.Lease chunk = lease;
            Segment done = segment(chunk.last(), chunk.upper(), new Advance() {
                @Override
                public int record(String[] last, String[] next, long rows) throws SQLException {
                    return chunks.advance(connection, backfill.id(), chunk.chunk(), worker, last, next, rows, LEASE);
                }

                @Override
                public Optional<Chunks.Position> position() throws SQLException {
                    return chunks.position(connection, backfill.id(), chunk.chunk(), worker);
                }
            }, progress, total);
            batches.addAndGet(done.batches());
            updated.addAndGet(done.rows());
            if (done.complete()) {
                chunks.finish(connection, backfill.id(), chunk.chunk(), worker);
            } else {
                LOG.info("{}: chunk {} was taken over by another worker", backfill, chunk.chunk());
            }
        }
    }

    /** How a batch records its progress, and where to go on after a refused one. */
    private interface Advance {
        /** In the batch's transaction; 0 means "do not commit". */
        int record(String[] last, String[] next, long rows) throws SQLException;

        /** The committed position to continue from; empty when this worker lost the range to another. */
        Optional<Chunks.Position> position() throws SQLException;
    }

    private record Segment(long rows, long batches, boolean complete) {
    }

    /** A lease not renewed by a committed batch for this long lets another worker take the chunk over. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    /** Batch after batch from {@code last} up to {@code upper}; stops early only when {@code advance} lost its chunk. */
    private Segment segment(String[] start, String[] upper, Advance advance, Progress progress, AtomicLong total) throws SQLException {
        String[] last = start;
        long updated = 0;
        long batches = 0;
        while (true) {
            String[] next;
            long rows;
            try {
                waitWhilePausedOrUnhealthy();
                next = nextBoundary(last, upper);
                if (next == null) {
                    break;
                }
                rows = batchWithRetries(last, next, advance);
            } catch (SQLException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                addRetries(1);
                replaceConnection(e); // outside a batch nothing was lost: go round again on a new connection
                continue;
            }
            if (rows < 0) {
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
            last = next;
            updated += rows;
            batches++;
            progress.report(total.addAndGet(rows), batchSize);
            if (Arrays.equals(next, upper)) {
                break;
            }
            sleep(options.pause());
        }
        return new Segment(updated, batches, true);
    }

    /** Rows in the backfilled key range still matching the verification condition; -1 without one. */
    private long rowsLeft(String[] upper) throws SQLException {
        if (backfill.verify() == null || upper == null) {
            return -1;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + range.row() + " <= "
                + range.params() + " AND (" + backfill.verify() + ")")) {
            range.bind(ps, 1, null, upper);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long left = rs.getLong(1);
                if (left > 0) {
                    LOG.warn("{}: VERIFICATION: {} rows still match '{}'", backfill, left, backfill.verify());
                }
                return left;
            }
        }
    }

    private BackfillResult result(long updated, long total, long batches, long started, boolean alreadyDone, String[] lower,
                                  String[] upper, long rowsLeft) {
        return new BackfillResult(backfill.id(), updated, total, batches, retries, batchSize, elapsed(started), alreadyDone, false,
                0, 0, text(lower), text(upper), rowsLeft);
    }

    /** The key that ends the next batch: the batchSize-th key after {@code last}, or {@code upper} near the end. */
    private String[] nextBoundary(String[] last, String[] upper) throws SQLException {
        if (last != null && Arrays.equals(last, upper)) {
            return null;
        }
        String sql = "SELECT " + range.orderBy() + " FROM " + table + " WHERE " + range.condition(last != null)
                + " ORDER BY " + range.orderBy() + " OFFSET ? LIMIT 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = range.bind(ps, 1, last, upper);
            ps.setInt(i, batchSize - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : hasRowsUpTo(last, upper) ? upper : null;
            }
        }
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
    private long batchWithRetries(String[] last, String[] next, Advance advance) throws SQLException {
        int attempt = 0;
        while (true) {
            try {
                return batch(last, next, advance);
            } catch (SQLException e) {
                rollbackQuietly();
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                boolean retryable = state.equals("55P03") || state.equals("40P01") || state.equals("40001")
                        || state.equals("57014") || connectionLost(e);
                if (!retryable || ++attempt > options.maxRetries()) {
                    fail(e, attempt);
                }
                addRetries(1);
                if (state.equals("57014")) {
                    batchSize = Math.max(options.minBatchSize(), batchSize / 2); // statement_timeout: a smaller batch next
                }
                if (connectionLost(e)) {
                    replaceConnection(e);
                }
                long backoff = Math.min(5_000, 50L << Math.min(attempt, 7));
                LOG.warn("{}: batch after key {} failed ({} {}), retry {} of {} in ~{} ms", backfill, text(last), state,
                        e.getMessage(), attempt, options.maxRetries(), backoff);
                sleep(Duration.ofMillis(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1)));
            }
        }
    }

    /** One short transaction: lock the batch's rows in key order, update them, record the checkpoint. -1: paused. */
    private long batch(String[] last, String[] next, Advance advance) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        String rangeCondition = range.condition(last != null);
        String filter = backfill.where() == null ? "" : " AND (" + backfill.where() + ")";
        try (Statement s = connection.createStatement()) {
            // asynchronous commit is safe here: the batch and its checkpoint commit together, so a crash that loses
            // the last commits loses their checkpoints too, and the next run redoes exactly those batches.
            // Custom plans only: the UPDATE must run with the plan EXPLAIN showed (see updateVisitsInKeyOrder).
            s.execute("SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'; SET LOCAL statement_timeout = '"
                    + options.statementTimeout().toMillis() + "ms'; SET LOCAL synchronous_commit = off; SET LOCAL plan_cache_mode = force_custom_plan");
        }
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
            return -1;
        }
        connection.commit();
        connection.setAutoCommit(true);
        adapt(System.nanoTime() - started);
        return rows;
    }

    private boolean updateVisitsInKeyOrder(String updateSql, String[] last, String[] next) throws SQLException {
        if (keyOrder == null) {
            keyOrder = KeyOrderPlan.of(connection, table, backfill.key());
        }
        if (!keyOrder.possible()) {
            return false;
        }
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + updateSql)) {
            range.bind(explain, 1, last, next);
            return keyOrder.visitsInKeyOrder(explain);
        }
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

    /** Grows or shrinks the batch toward the target duration, by at most 2x per step. */
    private void adapt(long nanos) {
        double factor = Math.max(0.5, Math.min(2.0, options.targetBatchTime().toNanos() / (double) Math.max(nanos, 1)));
        batchSize = (int) Math.max(options.minBatchSize(), Math.min(options.maxBatchSize(), Math.round(batchSize * factor)));
    }

    private void waitWhilePausedOrUnhealthy() throws SQLException {
        long loggedAt = 0;
        String logged = null;
        while (true) {
            Checkpoints.Row row = checkpoints.read(connection, backfill.id());
            if (row == null || "cancelled".equals(row.status())) {
                throw new BackfillException(backfill + " was cancelled; its checkpoint is kept in " + checkpoints.table());
            }
            Optional<String> unhealthy = "paused".equals(row.status()) ? Optional.of("paused by an operator")
                    : options.healthCheck().waitReason(connection);
            if (unhealthy.isEmpty()) {
                return;
            }
            // said once, then again every progress interval or when the reason changes: waits can last hours
            String reason = unhealthy.get().replaceAll("[0-9.]+", "#");
            if (!reason.equals(logged) || System.nanoTime() - loggedAt > options.progressInterval().toNanos()) {
                LOG.info("{}: waiting: {}", backfill, unhealthy.get());
                logged = reason;
                loggedAt = System.nanoTime();
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private void fail(SQLException e, int attempts) throws SQLException {
        String message = backfill + " stopped after " + attempts + " attempt(s): " + e.getSQLState() + " " + e.getMessage()
                + ". Progress is kept in " + checkpoints.table() + "; run it again to resume.";
        try {
            checkpoints.setStatus(connection, backfill.id(), "failed", e.getSQLState() + " " + e.getMessage());
        } catch (SQLException ignored) {
            // the connection may be gone; the checkpoint of the last committed batch is what matters
        }
        throw new BackfillException(message, e);
    }

    /** 08xxx connection errors, and 57P01-57P03: the server terminated the backend or is restarting. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** A new connection from the DataSource, retried with backoff while the server restarts (about 30 s in all). */
    private void replaceConnection(SQLException cause) throws SQLException {
        if (reconnect == null) {
            throw new BackfillException(backfill + " lost its connection (" + cause.getMessage() + "); progress is kept in "
                    + checkpoints.table() + ", run it again to resume", cause);
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
                            + checkpoints.table() + ", run it again to resume", e);
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

    private List<String> keyTypes() throws SQLException {
        List<String> types = new ArrayList<>();
        for (String column : backfill.key()) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                    + "WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped")) {
                ps.setString(1, table);
                ps.setString(2, column);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new BackfillException(backfill + ": no column " + column + " in table " + table);
                    }
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private String[] maxKey() throws SQLException {
        String desc = String.join(" DESC, ", backfill.key().stream().map(Identifiers::quote).toList()) + " DESC";
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + range.orderBy() + " FROM " + table + " ORDER BY " + desc + " LIMIT 1")) {
            return rs.next() ? read(rs) : null;
        }
    }

    private long estimateRows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String[] read(ResultSet rs) throws SQLException {
        String[] key = new String[range.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = rs.getString(i + 1);
        }
        return key;
    }

    private static String text(String[] key) {
        return key == null ? "" : key.length == 1 ? key[0] : "(" + String.join(", ", key) + ")";
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void sleep(Duration d) {
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
}
