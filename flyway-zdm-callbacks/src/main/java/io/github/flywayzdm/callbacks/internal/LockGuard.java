package io.github.flywayzdm.callbacks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Applies lock_timeout / statement_timeout to the migration's session before every migration, and puts the session's
 * own values back when the run ends (a pooled connection goes back to the application).
 * <p>
 * Nothing on the client can see whether the previous migration changed them: a function, trigger or event trigger may
 * call {@code set_config} without the script saying so. So the values are sent again before a migration unless the
 * one before it provably ran no user-defined code ({@link #apply}'s {@code previousRanOnlyBuiltInCode}, from the
 * linter's reading) and the server said, with the last values sent, that nothing else runs user code between two
 * migrations: no enabled event trigger, and a history table with no trigger, rule, row security, constraint, non-built-in
 * column type or default other than Flyway's own {@code now()} (Flyway inserts into it after each migration). The
 * first call of a run also reads the backend pid and the session's own values; later ones are one short prepared
 * statement, kept open for the run (see BENCHMARK.md for the cost).
 */
public final class LockGuard {

    private static final ZdmLog LOG = ZdmLog.get(LockGuard.class);

    /**
     * True when nothing but PostgreSQL's own code runs between two migrations on this session (see the class comment).
     * A search_path that names pg_catalog could resolve a built-in type name to a user's type, so it counts as not quiet.
     */
    private static final String QUIET = """
            NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtenabled <> 'D')
            AND position('pg_catalog' IN current_setting('search_path')) = 0
            AND coalesce((SELECT h.relkind = 'r' AND NOT h.relhasrules AND NOT h.relrowsecurity
                AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = h.oid)
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = h.oid AND k.contype NOT IN ('p', 'u', 'n'))
                AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = h.oid AND a.attnum > 0 AND NOT a.attisdropped
                                AND a.atttypid >= 16384)
                AND NOT EXISTS (SELECT 1 FROM pg_attrdef d WHERE d.adrelid = h.oid AND pg_get_expr(d.adbin, d.adrelid) <> 'now()')
              FROM pg_class h WHERE h.oid = to_regclass(quote_ident(coalesce(?, current_schema())) || '.' || quote_ident(?))), false)""";
    private static final String FIRST = "SELECT pg_backend_pid(), current_setting('lock_timeout'), "
            + "current_setting('statement_timeout'), "
            + "set_config('lock_timeout', coalesce(?, current_setting('lock_timeout')), false), "
            + "set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), false), " + QUIET;
    private static final String SET = "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false), "
            + QUIET;
    private static final String RESTORE = "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)";

    /** What the migration's session runs with. */
    public record Applied(int backendPid, String lockTimeout, String statementTimeout) {
    }

    private final String historySchema;
    private final String historyTable;
    private Connection session;
    private int backendPid;
    private String originalLockTimeout;
    private String originalStatementTimeout;
    private PreparedStatement set;
    /** What the last call sent and got, and whether the server then said nothing else runs user code. */
    private String sentLockTimeout;
    private String sentStatementTimeout;
    private Applied lastApplied;
    private boolean quiet;

    /** @param historySchema Flyway's history schema when configured (null: the session's current schema) */
    public LockGuard(String historySchema, String historyTable) {
        this.historySchema = historySchema;
        this.historyTable = historyTable;
    }

    /**
     * Makes {@code c} run with these timeouts; zero means the session's own value from before the run.
     *
     * @param previousRanOnlyBuiltInCode the migration before this one on this session was read completely and runs no
     *                                   user-defined code and no SET (the linter's reading), and no other callback
     *                                   runs between migrations: then the values sent before it still hold
     */
    public Applied apply(Connection c, Duration lockTimeout, Duration statementTimeout, boolean previousRanOnlyBuiltInCode)
            throws SQLException {
        if (c != session) {
            restore(); // Flyway switched connections: the old one gets its values back, the new one is captured below
            return first(c, lockTimeout, statementTimeout);
        }
        String lock = setting(lockTimeout, originalLockTimeout);
        String statement = setting(statementTimeout, originalStatementTimeout);
        if (previousRanOnlyBuiltInCode && quiet && lock.equals(sentLockTimeout) && statement.equals(sentStatementTimeout)) {
            return lastApplied; // nothing since the last call could have changed them: no round trip
        }
        if (set == null) {
            set = c.prepareStatement(SET);
        }
        set.setString(1, lock);
        set.setString(2, statement);
        set.setString(3, historySchema);
        set.setString(4, historyTable);
        try (ResultSet rs = set.executeQuery()) {
            rs.next();
            return remember(lock, statement, new Applied(backendPid, rs.getString(1), rs.getString(2)), rs.getBoolean(3));
        }
    }

    /** The value to send for {@code timeout}: zero means the session's own value from before the run. */
    private static String setting(Duration timeout, String original) {
        return timeout.isZero() ? original : DurationFormat.toSetting(timeout);
    }

    private Applied remember(String lock, String statement, Applied applied, boolean quietNow) {
        sentLockTimeout = lock;
        sentStatementTimeout = statement;
        lastApplied = applied;
        quiet = quietNow;
        return applied;
    }

    private Applied first(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIRST)) {
            ps.setString(1, setting(lockTimeout, null)); // null: the session's own value, read by the same statement
            ps.setString(2, setting(statementTimeout, null));
            ps.setString(3, historySchema);
            ps.setString(4, historyTable);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                session = c;
                backendPid = rs.getInt(1);
                originalLockTimeout = rs.getString(2);
                originalStatementTimeout = rs.getString(3);
                String lock = setting(lockTimeout, originalLockTimeout);
                String statement = setting(statementTimeout, originalStatementTimeout);
                return remember(lock, statement, new Applied(backendPid, rs.getString(4), rs.getString(5)), rs.getBoolean(6));
            }
        }
    }

    /** Puts the session's values from before the run back; a failure is logged (the session may be gone). */
    public void restore() {
        if (session == null) {
            return;
        }
        Connection c = session;
        session = null;
        if (set != null) {
            try {
                set.close();
            } catch (SQLException e) {
                LOG.debug("flyway-zdm: {}", e.getMessage());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(RESTORE)) {
            ps.setString(1, originalLockTimeout);
            ps.setString(2, originalStatementTimeout);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.warn("flyway-zdm: could not restore lock_timeout/statement_timeout: {}", e.getMessage());
        } finally {
            set = null;
            quiet = false;
            lastApplied = null;
            originalLockTimeout = null;
            originalStatementTimeout = null;
        }
    }
}
