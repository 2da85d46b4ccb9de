package io.github.flywayzdm.callbacks.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code analyze=true}: the tables successful migrations changed, analyzed once each when the run ends. Not right
 * after each migration: a transactional migration still holds its locks then, and an ANALYZE queued behind them
 * kept the migration (and every application query queued behind it) waiting.
 */
final class DeferredAnalyze {

    private static final ZdmLog LOG = ZdmLog.get(DeferredAnalyze.class);

    /** Names as the migration's session resolves them (its search_path), to one quoted schema.table per relation. */
    private static final String RESOLVE = """
            SELECT DISTINCT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM unnest(?::text[]) AS t(name)
            JOIN pg_class c ON c.oid = to_regclass(t.name) JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm')""";

    private final Map<String, MigrationDraft> tables = new LinkedHashMap<>();

    /** Remembers the tables {@code names} (as written in the script) name, resolved on the migration's session. */
    void collect(Connection migration, Set<String> names, MigrationDraft by) {
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = migration.prepareStatement(RESOLVE)) {
            Array array = migration.createArrayOf("text", names.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.putIfAbsent(rs.getString(1), by);
                }
            }
        } catch (SQLException e) {
            LOG.warn("flyway-zdm: the tables {} changed are not analyzed: {}", by.label(), e.getMessage());
        }
    }

    /**
     * ANALYZE each table on {@code c} (autocommit), waiting at most {@code lockTimeout} (3s when 0) for its lock; the migration that
     * changed it gets a note either way.
     */
    void run(Connection c, Duration lockTimeout) {
        Duration wait = lockTimeout.isZero() ? Duration.ofSeconds(3) : lockTimeout;
        String lock = DurationFormat.toSetting(wait);
        for (Map.Entry<String, MigrationDraft> e : tables.entrySet()) {
            String table = e.getKey();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT set_config('lock_timeout', ?, true), set_config('statement_timeout', '0', true)")) {
                    ps.setString(1, lock);
                    ps.executeQuery().close();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + table); // quoted by RESOLVE
                }
                c.commit();
                e.getValue().notes.add("ANALYZE " + table);
            } catch (SQLException ex) {
                rollback(c);
                String why = "55P03".equals(ex.getSQLState())
                        ? "its lock was not granted within lock_timeout " + DurationFormat.format(wait)
                        + "; run ANALYZE " + table + " later"
                        : ex.getMessage();
                e.getValue().notes.add("ANALYZE " + table + " skipped: " + why);
                LOG.warn("flyway-zdm: ANALYZE {} skipped: {}", table, why);
            } finally {
                autocommit(c);
            }
        }
        tables.clear();
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the session is gone; nothing to undo
        }
    }

    private static void autocommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the session is gone
        }
    }
}
