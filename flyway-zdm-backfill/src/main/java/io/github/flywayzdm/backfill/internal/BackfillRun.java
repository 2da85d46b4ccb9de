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

/** One run of a backfill: resume from the checkpoint, then batch after batch until the upper key. */
public final class BackfillRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    private final Backfill backfill;
    private final BackfillOptions options;
    private final DataSource reconnect;
    private final Checkpoints checkpoints;
    private final String table;
    private Connection connection;
    private KeyRange range;
    private int batchSize;
    private long retries;

    public BackfillRun(Backfill backfill, Connection connection, DataSource reconnect) {
        this.backfill = backfill;
        this.options = backfill.options();
        this.connection = connection;
        this.reconnect = reconnect;
        this.checkpoints = new Checkpoints(options.checkpointSchema());
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
                true, estimated, (estimated + batchSize - 1) / batchSize, text(lower), text(upper));
    }

    private BackfillResult run(long started) throws SQLException {
        checkpoints.ensureTable(connection);
        Checkpoints.Row row = checkpoints.read(connection, backfill.id());
        if (row == null) {
            String[] upper = maxKey();
            checkpoints.create(connection, backfill.id(), table, upper, upper == null ? "done" : "running", batchSize);
            row = checkpoints.read(connection, backfill.id());
        }
        if ("done".equals(row.status())) {
            LOG.info("{}: already done ({} rows), nothing to do", backfill, row.rowsDone());
            return new BackfillResult(backfill.id(), 0, row.rowsDone(), 0, 0, batchSize, elapsed(started), true, false, 0, 0,
                    text(row.lastKey()), text(row.upperKey()));
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
        String[] last = row.lastKey();
        String[] upper = row.upperKey();
        long updated = 0;
        long batches = 0;
        long total = row.rowsDone();
        Progress progress = new Progress(backfill.toString(), estimateRows(), total, options.progressInterval());
        LOG.info("{}: {} keys after {} up to {}", backfill, last == null ? "starting" : "resuming", text(last), text(upper));
        while (true) {
            String[] next;
            long rows;
            try {
                waitWhilePausedOrUnhealthy();
                next = nextBoundary(last, upper);
                if (next == null) {
                    break;
                }
                rows = batchWithRetries(last, next);
            } catch (SQLException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                retries++;
                replaceConnection(e); // outside a batch nothing was lost: go round again on a new connection
                continue;
            }
            if (rows < 0) {
                continue; // the operator paused it during the batch: the batch was rolled back, go round again
            }
            last = next;
            updated += rows;
            total += rows;
            batches++;
            progress.report(total, batchSize);
            if (Arrays.equals(next, upper)) {
                break;
            }
            sleep(options.pause());
        }
        checkpoints.setStatus(connection, backfill.id(), "done", null);
        BackfillResult result = new BackfillResult(backfill.id(), updated, total, batches, retries, batchSize, elapsed(started),
                false, false, 0, 0, text(row.lastKey()), text(upper));
        LOG.info("{}", result);
        return result;
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
    private long batchWithRetries(String[] last, String[] next) throws SQLException {
        int attempt = 0;
        while (true) {
            try {
                return batch(last, next);
            } catch (SQLException e) {
                rollbackQuietly();
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                boolean retryable = state.equals("55P03") || state.equals("40P01") || state.equals("40001")
                        || state.equals("57014") || connectionLost(e);
                if (!retryable || ++attempt > options.maxRetries()) {
                    fail(e, attempt);
                }
                retries++;
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
    private long batch(String[] last, String[] next) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        String rangeCondition = range.condition(last != null);
        String filter = backfill.where() == null ? "" : " AND (" + backfill.where() + ")";
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'");
            s.execute("SET LOCAL statement_timeout = '" + options.statementTimeout().toMillis() + "ms'");
        }
        // lock in key order first: the UPDATE alone may visit rows in another order and deadlock with the application
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE " + rangeCondition + filter
                + " ORDER BY " + range.orderBy() + " FOR NO KEY UPDATE")) {
            range.bind(lock, 1, last, next);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    // consume: the locks are taken as rows are returned
                }
            }
        }
        long rows;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + backfill.set()
                + " WHERE " + rangeCondition + filter)) {
            range.bind(update, 1, last, next);
            rows = update.executeUpdate();
        }
        if (checkpoints.advance(connection, backfill.id(), next, rows, batchSize) == 0) {
            connection.rollback();
            connection.setAutoCommit(true);
            return -1;
        }
        connection.commit();
        connection.setAutoCommit(true);
        adapt(System.nanoTime() - started);
        return rows;
    }

    /** Grows or shrinks the batch toward the target duration, by at most 2x per step. */
    private void adapt(long nanos) {
        double factor = Math.max(0.5, Math.min(2.0, options.targetBatchTime().toNanos() / (double) Math.max(nanos, 1)));
        batchSize = (int) Math.max(options.minBatchSize(), Math.min(options.maxBatchSize(), Math.round(batchSize * factor)));
    }

    private void waitWhilePausedOrUnhealthy() throws SQLException {
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
            LOG.info("{}: waiting: {}", backfill, unhealthy.get());
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
        connection = reconnect.getConnection();
        connection.setAutoCommit(true);
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
