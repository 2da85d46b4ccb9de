package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillException;
import io.github.flywayzdm.backfill.BackfillOptions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The zdm_backfill_jobs table: the definition of each background backfill (table, key, SET, WHERE, verify, pacing,
 * workers), enough for a worker in any process to run it. Its progress lives in the checkpoint and chunk tables.
 */
public final class Jobs {

    static final String TABLE = "zdm_backfill_jobs";

    /** The one bigint advisory key enqueues serialize on (a different lock space than the chunks' two-int keys). */
    private static final long ENQUEUE_LOCK = "zdm_backfill_enqueue".hashCode();

    /** A stored job; {@link #backfill} rebuilds what the migration declared. */
    public record Definition(String id, String schema, String table, List<String> key, String set, String where, String verify,
                             int initialBatch, int minBatch, int maxBatch, long targetBatchMs, long pauseMs, long lockTimeoutMs,
                             long statementTimeoutMs, int maxRetries, int workers) {

        /** The backfill with the stored pacing; the health check, progress interval and schema are the worker's own. */
        public Backfill backfill(BackfillOptions local, Integer threads) {
            BackfillOptions options = local.withBatchSize(initialBatch, minBatch, maxBatch)
                    .withTargetBatchTime(Duration.ofMillis(targetBatchMs)).withPause(Duration.ofMillis(pauseMs))
                    .withTimeouts(Duration.ofMillis(lockTimeoutMs), Duration.ofMillis(statementTimeoutMs))
                    .withMaxRetries(maxRetries).withWorkers(threads != null ? threads : workers);
            Backfill.Builder b = schema == null ? Backfill.of(table) : Backfill.of(schema, table);
            return b.key(key.toArray(String[]::new)).set(set).where(where).verify(verify).id(id).options(options).build();
        }
    }

    private final String table;
    private final String progress;

    public Jobs(String schema) {
        this.table = Identifiers.qualified(schema, TABLE);
        this.progress = Identifiers.qualified(schema, Checkpoints.TABLE);
    }

    String table() {
        return table;
    }

    static void lockForEnqueue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, ENQUEUE_LOCK);
            ps.execute();
        }
    }

    void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id text PRIMARY KEY, schema_name text, table_name text NOT NULL, "
                    + "key_columns text[] NOT NULL, set_clause text NOT NULL, where_clause text, verify_clause text, "
                    + "initial_batch integer NOT NULL, min_batch integer NOT NULL, max_batch integer NOT NULL, "
                    + "target_batch_ms bigint NOT NULL, pause_ms bigint NOT NULL, lock_timeout_ms bigint NOT NULL, "
                    + "statement_timeout_ms bigint NOT NULL, max_retries integer NOT NULL, workers integer NOT NULL, "
                    + "enqueued_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    public boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** True when recorded now; false when the same definition was queued already; throws for another under this id. */
    boolean insert(Connection c, Backfill b) throws SQLException {
        BackfillOptions o = b.options();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, schema_name, table_name, key_columns, set_clause, "
                + "where_clause, verify_clause, initial_batch, min_batch, max_batch, target_batch_ms, pause_ms, lock_timeout_ms, "
                + "statement_timeout_ms, max_retries, workers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, b.id());
            ps.setString(2, b.schema());
            ps.setString(3, b.table());
            ps.setArray(4, c.createArrayOf("text", b.key().toArray()));
            ps.setString(5, b.set());
            ps.setString(6, b.where());
            ps.setString(7, b.verify());
            ps.setInt(8, o.initialBatchSize());
            ps.setInt(9, o.minBatchSize());
            ps.setInt(10, o.maxBatchSize());
            ps.setLong(11, o.targetBatchTime().toMillis());
            ps.setLong(12, o.pause().toMillis());
            ps.setLong(13, o.lockTimeout().toMillis());
            ps.setLong(14, o.statementTimeout().toMillis());
            ps.setInt(15, o.maxRetries());
            ps.setInt(16, o.workers());
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        Definition queued = definition(c, b.id());
        if (!Objects.equals(queued.schema(), b.schema()) || !queued.table().equals(b.table()) || !queued.key().equals(b.key())
                || !queued.set().equals(b.set()) || !Objects.equals(queued.where(), b.where())) {
            throw new BackfillException(b + ": a different background backfill is already queued under this id (" + queued.table()
                    + " SET " + queued.set() + (queued.where() == null ? "" : " WHERE " + queued.where())
                    + "); give this one its own id(...)");
        }
        return false;
    }

    /** The jobs a worker should run now (their checkpoint says running), oldest first. */
    public List<String> runnable(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id FROM " + table + " j JOIN "
                + progress + " p ON p.id = j.id WHERE p.status = 'running' ORDER BY j.enqueued_at, j.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Every job, oldest first. */
    public List<Definition> all(Connection c) throws SQLException {
        return read(c, null);
    }

    public Definition definition(Connection c, String id) throws SQLException {
        List<Definition> found = read(c, id);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Definition> read(Connection c, String id) throws SQLException {
        List<Definition> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, schema_name, table_name, key_columns, set_clause, where_clause, "
                + "verify_clause, initial_batch, min_batch, max_batch, target_batch_ms, pause_ms, lock_timeout_ms, statement_timeout_ms, "
                + "max_retries, workers FROM " + table + (id == null ? "" : " WHERE id = ?") + " ORDER BY enqueued_at, id")) {
            if (id != null) {
                ps.setString(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getLong(11), rs.getLong(12),
                            rs.getLong(13), rs.getLong(14), rs.getInt(15), rs.getInt(16)));
                }
            }
        }
        return result;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
