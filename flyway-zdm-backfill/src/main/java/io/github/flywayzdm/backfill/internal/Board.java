package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.BackfillException;
import io.github.flywayzdm.backfill.BackfillStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What operators see and change: every checkpoint with its progress and holders, and the status transitions. */
public final class Board {

    private final Checkpoints checkpoints;
    private final Chunks chunks;
    private final Jobs jobs;

    public Board(String schema) {
        this.checkpoints = new Checkpoints(schema);
        this.chunks = new Chunks(schema);
        this.jobs = new Jobs(schema);
    }

    public List<BackfillStatus> status(Connection c) throws SQLException {
        List<BackfillStatus> result = new ArrayList<>();
        if (!checkpoints.exists(c)) {
            return result;
        }
        boolean withJobs = jobs.exists(c);
        // status only reads: every run and enqueue creates the chunk table with the checkpoint table
        String sql = "SELECT p.id, p.table_name, " + (withJobs ? "j.id IS NOT NULL" : "false") + ", p.status, "
                + "coalesce((SELECT sum(rows_done) FROM " + chunks.table() + " k WHERE k.id = p.id), p.rows_done), "
                + "(SELECT count(*) FROM " + chunks.table() + " k WHERE k.id = p.id), "
                + "(SELECT count(*) FROM " + chunks.table() + " k WHERE k.id = p.id AND k.status = 'done'), "
                + "p.last_error, p.started_at, p.updated_at, p.finished_at, p.last_key, p.upper_key, "
                + "extract(epoch FROM coalesce(p.finished_at, greatest(p.updated_at, "
                + "(SELECT max(leased_until) - interval '60 seconds' FROM " + chunks.table() + " k WHERE k.id = p.id))) - p.started_at) "
                + "FROM " + checkpoints.table() + " p" + (withJobs ? " LEFT JOIN " + jobs.table() + " j ON j.id = p.id" : "")
                + " ORDER BY p.started_at, p.id";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                String status = rs.getString(4);
                long rows = rs.getLong(5);
                int chunkCount = rs.getInt(6);
                double seconds = Math.max(rs.getDouble(14), 0.001);
                double rate = rows / seconds;
                double percent = "done".equals(status) ? 100 : percent(c, rs.getString(2), id, rows, chunkCount > 0,
                        strings(rs.getArray(12)), strings(rs.getArray(13)));
                Duration eta = null;
                if (percent > 0 && percent < 100 && rate > 0) {
                    double left = rows * (100 - percent) / percent;
                    eta = Duration.ofSeconds(Math.round(left / rate));
                }
                result.add(new BackfillStatus(id, rs.getString(2), rs.getBoolean(3), status, rows, percent, rate, eta, chunkCount,
                        rs.getInt(7), chunkCount > 0 ? holders(c, id) : List.of(), rs.getString(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))));
            }
        }
        return result;
    }

    /** Of the planner's fresh row count, else of the key range walked (one numeric key), else -1. */
    private double percent(Connection c, String table, String id, long rows, boolean chunked, String[] last, String[] upper) throws SQLException {
        Jobs.Definition job = jobs.exists(c) ? jobs.definition(c, id) : null;
        if (job == null || upper == null) {
            return -1; // a synchronous checkpoint: its key columns are not recorded
        }
        KeyRange range = new KeyRange(job.key(), KeyRange.types(c, table, job.key()));
        RowEstimate estimate = RowEstimate.of(c, table, range, upper);
        if (estimate.byRows()) {
            return Math.min(99.9, 100.0 * rows / Math.max(estimate.rows(), 1));
        }
        if (estimate.byKeys()) {
            return Math.min(99.9, 100.0 * (chunked ? chunks.walkedShare(c, id, estimate) : estimate.keyShare(last)));
        }
        return -1;
    }

    private List<String> holders(Connection c, String id) throws SQLException {
        List<String> result = new ArrayList<>();
        for (Chunks.Unfinished u : chunks.unfinished(c, id)) {
            if (u.holderPid() != 0) {
                result.add("chunk " + u.chunk() + ": pid " + u.holderPid() + (u.worker().isEmpty() ? "" : " (" + u.worker() + ")")
                        + (u.stalled() ? " STALLED" : ""));
            }
        }
        return result;
    }

    /** Sets {@code to} when the status is one of {@code from}; otherwise throws, saying what it is. */
    public void transition(Connection c, String id, Set<String> from, String to, String verb) throws SQLException {
        if (!checkpoints.exists(c)) {
            throw new BackfillException("no backfill '" + id + "': there is no " + checkpoints.table() + " table");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + checkpoints.table() + " SET status = ?, updated_at = now() "
                + "WHERE id = ? AND status = ANY (?)")) {
            ps.setString(1, to);
            ps.setString(2, id);
            ps.setArray(3, c.createArrayOf("text", from.toArray()));
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        Checkpoints.Row row = checkpoints.read(c, id);
        throw new BackfillException(row == null ? "no backfill '" + id + "' in " + checkpoints.table()
                : "cannot " + verb + " backfill '" + id + "': it is " + row.statusText() + " (only " + String.join(" or ", from.stream().sorted().toList()) + ")");
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String[] strings(java.sql.Array a) throws SQLException {
        return a == null ? null : (String[]) a.getArray();
    }
}
