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
 * The values are sent before every migration, because nothing on the client can tell whether the previous one changed
 * them: a function or trigger created earlier, or an event trigger, may call {@code set_config} without the script
 * saying so. The first call of a run also reads the backend pid and the session's own values; later ones are one
 * short prepared statement, kept open for the run (see BENCHMARK.md for the cost).
 */
public final class LockGuard {

    private static final ZdmLog LOG = ZdmLog.get(LockGuard.class);

    private static final String FIRST = "SELECT pg_backend_pid(), current_setting('lock_timeout'), "
            + "current_setting('statement_timeout'), "
            + "set_config('lock_timeout', coalesce(?, current_setting('lock_timeout')), false), "
            + "set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), false)";
    private static final String SET = "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)";

    /** What the migration's session runs with. */
    public record Applied(int backendPid, String lockTimeout, String statementTimeout) {
    }

    private Connection session;
    private int backendPid;
    private String originalLockTimeout;
    private String originalStatementTimeout;
    private PreparedStatement set;

    /** Makes {@code c} run with these timeouts; zero means the session's own value from before the run. */
    public Applied apply(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        if (c != session) {
            restore(); // Flyway switched connections: the old one gets its values back, the new one is captured below
            return first(c, lockTimeout, statementTimeout);
        }
        if (set == null) {
            set = c.prepareStatement(SET);
        }
        set.setString(1, lockTimeout.isZero() ? originalLockTimeout : DurationFormat.toSetting(lockTimeout));
        set.setString(2, statementTimeout.isZero() ? originalStatementTimeout : DurationFormat.toSetting(statementTimeout));
        try (ResultSet rs = set.executeQuery()) {
            rs.next();
            return new Applied(backendPid, rs.getString(1), rs.getString(2));
        }
    }

    private Applied first(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIRST)) {
            ps.setString(1, lockTimeout.isZero() ? null : DurationFormat.toSetting(lockTimeout));
            ps.setString(2, statementTimeout.isZero() ? null : DurationFormat.toSetting(statementTimeout));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                session = c;
                backendPid = rs.getInt(1);
                originalLockTimeout = rs.getString(2);
                originalStatementTimeout = rs.getString(3);
                return new Applied(backendPid, rs.getString(4), rs.getString(5));
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
        try (PreparedStatement ps = set != null ? set : c.prepareStatement(SET)) {
            ps.setString(1, originalLockTimeout);
            ps.setString(2, originalStatementTimeout);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.warn("flyway-zdm: could not restore lock_timeout/statement_timeout: {}", e.getMessage());
        } finally {
            set = null;
            originalLockTimeout = null;
            originalStatementTimeout = null;
        }
    }
}
