package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillListener;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a backfill: read (or create) the checkpoint, decide from its status what to do, then walk the key range
 * with one {@link BatchWalker}, or its chunks with a {@link ParallelRun}, and report.
 */
public final class BackfillRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    private final Backfill backfill;
    private final BackfillOptions options;
    private final DataSource reconnect;
    private final Caller caller;
    private final Duration bound;
    private final java.util.function.BooleanSupplier stop;
    private final Checkpoints checkpoints;
    private final Chunks chunks;
    private final String table;
    private final Connection connection;
    private KeyRange range;
    private BackfillListener listener = BackfillListener.none();

    /** {@code bound}: the most time the run may take (it then ends unfinished), or null for no bound. */
    public BackfillRun(Backfill backfill, Connection connection, DataSource reconnect, Caller caller, Duration bound) {
        this(backfill, connection, reconnect, caller, bound, null);
    }

    /** {@code stop}: asked before each batch and while waiting; once true the run ends unfinished (a worker stopping). */
    public BackfillRun(Backfill backfill, Connection connection, DataSource reconnect, Caller caller, Duration bound,
                       java.util.function.BooleanSupplier stop) {
        this.stop = stop;
        this.backfill = backfill;
        this.options = backfill.options();
        this.connection = connection;
        this.reconnect = reconnect;
        this.caller = caller;
        this.bound = bound;
        this.checkpoints = new Checkpoints(options.checkpointSchema());
        this.chunks = new Chunks(options.checkpointSchema());
        this.table = Identifiers.qualified(backfill.schema(), backfill.table());
    }

    /** Told of each committed batch and each wait, on the threads that run them (metrics). */
    public BackfillRun listener(BackfillListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener);
        return this;
    }

    public BackfillResult execute(boolean dryRun) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(true);
            range = new KeyRange(backfill.key(), keyTypes());
            Deadline deadline = stop != null ? Deadline.until(stop) : Deadline.after(bound);
            return dryRun ? dryRun(started) : run(started, deadline);
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
        long estimated = RowEstimate.reltuples(connection, table);
        int batchSize = options.initialBatchSize();
        return new BackfillResult(backfill.id(), 0, row == null ? 0 : row.rowsDone(), 0, 0, batchSize, elapsed(started), false,
                true, estimated, (estimated + batchSize - 1) / batchSize, KeyRange.text(lower), KeyRange.text(upper), -1,
                "dry run: nothing was written");
    }

    private BackfillResult run(long started, Deadline deadline) throws SQLException {
        checkpoints.ensureTable(connection);
        chunks.ensureTable(connection);
        Checkpoints.Row row = checkpoints.read(connection, backfill.id());
        if (row == null) {
            start();
            row = checkpoints.read(connection, backfill.id());
        }
        if (row.status() == null) {
            throw new BackfillException(backfill + ": its status in " + checkpoints.table() + " is '" + row.statusText()
                    + "', not one of running, paused, cancelled, failed, done; set it to 'running' to go on");
        }
        switch (row.status()) {
            case DONE -> {
                LOG.info("{}: already done ({} rows), nothing to do", backfill, row.rowsDone());
                return new BackfillResult(backfill.id(), 0, row.rowsDone(), 0, 0, options.initialBatchSize(), elapsed(started),
                        true, false, 0, 0, KeyRange.text(row.lastKey()), KeyRange.text(row.upperKey()), -1, null);
            }
            case CANCELLED -> {
                if (!caller.resumesCancelled()) {
                    throw new BackfillException(backfill + " was cancelled after key " + KeyRange.text(row.lastKey())
                            + "; resume it with Backfill.resume(...) (or UPDATE " + checkpoints.table() + " SET status = 'running' WHERE id = '"
                            + backfill.id().replace("'", "''") + "')");
                }
                LOG.info("{}: resuming after a cancel, after key {}", backfill, KeyRange.text(row.lastKey()));
                checkpoints.setStatus(connection, backfill.id(), CheckpointStatus.RUNNING, null);
            }
            case FAILED -> checkpoints.setStatus(connection, backfill.id(), CheckpointStatus.RUNNING, null); // resume after a failure
            case RUNNING, PAUSED -> {
                // go on (a paused run waits in its first batch)
            }
        }
        int batchSize = row.batchSize() == null ? options.initialBatchSize()
                : Math.max(options.minBatchSize(), Math.min(options.maxBatchSize(), row.batchSize()));
        BatchWalker walker = new BatchWalker(backfill, table, range, checkpoints, connection, reconnect, batchSize, caller.resumeHint(),
                deadline).listener(listener);
        try {
            return chunks.exist(connection, backfill.id()) ? parallel(started, row, walker, deadline) : single(started, row, walker, deadline);
        } finally {
            if (walker.connection() != connection) {
                walker.connection().close(); // a replacement for a lost connection: ours to close
            }
        }
    }

    /**
     * Records a background job: its definition in {@code zdm_backfill_jobs}, its checkpoint (the upper key taken now)
     * and its chunks, in the caller's transaction when there is one (a transactional migration), else in one of its
     * own. Enqueues serialize on a transaction-level advisory lock, so two at once record one job. True when this call
     * recorded it; false when it was already queued with the same definition; throws when a different one has this id.
     */
    public boolean enqueue() throws SQLException {
        boolean own = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Jobs.lockForEnqueue(connection);
            Jobs jobs = new Jobs(options.checkpointSchema());
            jobs.ensureTable(connection);
            checkpoints.ensureTable(connection);
            chunks.ensureTable(connection);
            range = new KeyRange(backfill.key(), keyTypes());
            boolean recorded = jobs.insert(connection, backfill);
            if (recorded && checkpoints.read(connection, backfill.id()) == null) {
                String[] upper = maxKey();
                // always chunked, whatever the threads: any number of processes may share a background job
                List<String[]> boundaries = upper == null ? List.of() : ChunkBoundaries.of(connection, table, range, backfill.key(),
                        upper, Math.max(4, options.workers() * 4));
                checkpoints.create(connection, backfill.id(), table, upper,
                        upper == null ? CheckpointStatus.DONE : CheckpointStatus.RUNNING, options.initialBatchSize());
                if (boundaries.size() > 1) {
                    chunks.create(connection, backfill.id(), boundaries);
                }
            }
            if (own) {
                connection.commit();
            }
            LOG.info("{}: {} as a background job", backfill, recorded ? "queued" : "already queued");
            return recorded;
        } catch (SQLException | RuntimeException e) {
            if (own) {
                connection.rollback();
            }
            throw e;
        } finally {
            if (own) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Creates the checkpoint (and, for parallel workers, the chunks) in one transaction; another instance may win. */
    private void start() throws SQLException {
        String[] upper = maxKey();
        List<String[]> boundaries = options.workers() > 1 && upper != null ? ChunkBoundaries.of(connection, table, range, backfill.key(),
                upper, options.workers() * 4) : List.of();
        connection.setAutoCommit(false);
        try {
            boolean created = checkpoints.create(connection, backfill.id(), table, upper,
                    upper == null ? CheckpointStatus.DONE : CheckpointStatus.RUNNING, options.initialBatchSize());
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

    private BackfillResult single(long started, Checkpoints.Row row, BatchWalker walker, Deadline deadline) throws SQLException {
        String[] upper = row.upperKey();
        Progress progress = progress(row.rowsDone(), upper);
        RowEstimate estimate = progress.estimate();
        if (estimate.byKeys()) {
            progress.walkedBefore(estimate.keyShare(row.lastKey()));
        }
        LOG.info("{}: {} keys after {} up to {}", backfill, row.lastKey() == null ? "starting" : "resuming",
                KeyRange.text(row.lastKey()), KeyRange.text(upper));
        AtomicLong total = new AtomicLong(row.rowsDone());
        BatchWalker.Segment done = walker.walk(row.lastKey(), upper, new Advance() {
            @Override
            public int record(String[] last, String[] next, long rows) throws SQLException {
                return checkpoints.advance(walker.connection(), backfill.id(), last, next, rows, walker.batchSize());
            }

            @Override
            public Optional<Chunks.Position> position() throws SQLException {
                return Optional.of(new Chunks.Position(checkpoints.read(walker.connection(), backfill.id()).lastKey()));
            }
        }, progress, total);
        Connection c = walker.connection();
        String unfinished = done.complete() ? null : deadline.reason(); // a single walk stops early only at its bound
        if (unfinished == null) {
            checkpoints.setStatus(c, backfill.id(), CheckpointStatus.DONE, null);
        }
        long rowsDone = checkpoints.read(c, backfill.id()).rowsDone();
        return finished(new BackfillResult(backfill.id(), done.rows(), rowsDone, done.batches(), walker.retries(), walker.batchSize(),
                elapsed(started), false, false, 0, 0, KeyRange.text(row.lastKey()), KeyRange.text(upper),
                unfinished == null ? rowsLeft(c, upper) : -1, unfinished), progress);
    }

    private BackfillResult parallel(long started, Checkpoints.Row row, BatchWalker walker, Deadline deadline) throws SQLException {
        if (options.workers() > 1 && reconnect == null) {
            throw new IllegalArgumentException(backfill + ": parallel workers need a DataSource (Backfill.run(DataSource)), "
                    + "one connection each");
        }
        long before = chunks.totals(connection, backfill.id())[0];
        Progress progress = progress(before, row.upperKey());
        if (progress.estimate().byKeys()) {
            progress.walkedBefore(chunks.walkedShare(connection, backfill.id(), progress.estimate()));
        }
        int batchSize = walker.batchSize();
        ParallelRun.Outcome outcome = new ParallelRun(backfill, chunks, reconnect,
                c -> new BatchWalker(backfill, table, range, checkpoints, c, reconnect, batchSize, caller.resumeHint(), deadline)
                        .listener(listener),
                progress, new AtomicLong(before)).run(walker);
        Connection c = walker.connection();
        long[] totals = chunks.totals(c, backfill.id());
        String unfinished = outcome.unfinished();
        if (unfinished == null && totals[1] > 0) {
            unfinished = deadline.passed() ? deadline.reason() : totals[1] + " chunk(s) are not done";
        }
        if (unfinished == null) {
            checkpoints.finish(c, backfill.id(), totals[0]);
        } else {
            LOG.warn("{}: INCOMPLETE: {}", backfill, unfinished);
        }
        return finished(new BackfillResult(backfill.id(), outcome.rowsUpdated(), totals[0], outcome.batches(), outcome.retries(),
                walker.batchSize(), elapsed(started), false, false, 0, 0, "", KeyRange.text(row.upperKey()),
                unfinished == null ? rowsLeft(c, row.upperKey()) : -1, unfinished), progress);
    }

    private Progress progress(long rowsBefore, String[] upper) throws SQLException {
        return new Progress(backfill.toString(), RowEstimate.of(connection, table, range, upper), rowsBefore, options.progressInterval());
    }

    /** The summary line, always printed, even for a run shorter than one progress interval. */
    private static BackfillResult finished(BackfillResult result, Progress progress) {
        progress.finish(result.rowsTotal(), result.toString());
        return result;
    }

    /** Rows in the backfilled key range still matching the verification condition; -1 without one. */
    private long rowsLeft(Connection c, String[] upper) throws SQLException {
        if (backfill.verify() == null || upper == null) {
            return -1;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + range.row() + " <= "
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
            if (!rs.next()) {
                return null;
            }
            String[] key = new String[range.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = rs.getString(i + 1);
            }
            return key;
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
