package io.github.flywayzdm.callbacks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lock trace of a transactional migration, read on its own connection just before Flyway commits it
 * (flyway.zdm.recordLocks): relation locks last until commit, so every lock it took is still in pg_locks, and a
 * relation whose relfilenode changed since the migration began was rewritten. Reads all of pg_class twice per
 * migration: meant for test and embedded databases, not for a production catalog of thousands of tables.
 */
final class LockRecorder {

    private static final String USER_RELATIONS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";
    private static final String FILES = "SELECT c.oid, c.relfilenode, format('%I.%I', n.nspname, c.relname) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'i', 'm') AND " + USER_RELATIONS;
    private static final String LOCKS = "SELECT l.relation, format('%I.%I', n.nspname, c.relname), l.mode FROM pg_locks l "
            + "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND c.relname <> ? "
            + "AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE i.indexrelid = c.oid AND t.relname = ?) AND "
            + USER_RELATIONS
            + " ORDER BY 2, 3";

    private final Map<Long, Long> filesBefore;

    private LockRecorder(Map<Long, Long> filesBefore) {
        this.filesBefore = filesBefore;
    }

    /** Snapshots the relations' files as the migration starts. */
    static LockRecorder begin(Connection c) throws SQLException {
        Map<Long, Long> files = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FILES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                files.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return new LockRecorder(files);
    }

    /** Adds what the migration holds and rewrote to its record; Flyway's history table and its indexes are left out. */
    void finish(Connection c, String historyTable, MigrationDraft record) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCKS)) {
            ps.setString(1, historyTable);
            ps.setString(2, historyTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean created = !filesBefore.containsKey(rs.getLong(1));
                    record.locks.add(rs.getString(2) + " " + rs.getString(3) + (created ? " (created here)" : ""));
                }
            }
        }
        List<String> rewritten = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FILES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long before = filesBefore.get(rs.getLong(1));
                if (before != null && before != rs.getLong(2)) {
                    rewritten.add(rs.getString(3));
                }
            }
        }
        rewritten.sort(null);
        record.rewritten.addAll(rewritten);
    }
}
