package io.github.flywayzdm.callbacks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Applies lock_timeout / statement_timeout to the migration's session for one migrate run, and puts the session's own
 * values back when the run ends (a pooled connection goes back to the application).
 * <p>
 * The values are set at session level and sent again only when a migration asks for different ones or may have
 * changed them itself (a SET in its script, a Java migration, a failure). One round trip per migration was a
 * measurable share of a run of small migrations (see BENCHMARK.md); most runs now send two in total.
 */
public final class LockGuard {

    private static final ZdmLog LOG = ZdmLog.get(LockGuard.class);

    private static final String APPLY = "SELECT pg_backend_pid(), current_setting('lock_timeout'), "
            + "current_setting('statement_timeout'), "
            + "set_config('lock_timeout', coalesce(?, current_setting('lock_timeout')), false), "
            + "set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), false)";
    private static final String RESTORE = "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)";

    /** What the migration's session runs with. */
    public record Applied(int backendPid, String lockTimeout, String statementTimeout) {
    }

    private Connection session;
    private String originalLockTimeout;
    private String originalStatementTimeout;
    /** What {@link #session} holds now; null when a migration may have changed it since. */
    private Applied current;
    private Duration currentLock;
    private Duration currentStatement;

    /**
     * Makes {@code c} run with these timeouts; zero means the session's own value from before the run.
     * Costs a round trip only when the session may hold something else.
     */
    public Applied apply(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        if (c == session && current != null && lockTimeout.equals(currentLock) && statementTimeout.equals(currentStatement)) {
            return current;
        }
        if (c != session) {
            restore(); // Flyway switched connections: the old one gets its values back, the new one is captured below
        }
        try (PreparedStatement ps = c.prepareStatement(APPLY)) {
            ps.setString(1, lockTimeout.isZero() ? originalLockTimeout : DurationText.toSetting(lockTimeout));
            ps.setString(2, statementTimeout.isZero() ? originalStatementTimeout : DurationText.toSetting(statementTimeout));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (session == null) {
                    session = c;
                    originalLockTimeout = rs.getString(2);
                    originalStatementTimeout = rs.getString(3);
                }
                current = new Applied(rs.getInt(1), rs.getString(4), rs.getString(5));
            }
        }
        currentLock = lockTimeout;
        currentStatement = statementTimeout;
        return current;
    }

    /**
     * The migration that just ran may have changed the session's timeouts (or rolled back the transaction that set
     * them): the next {@link #apply} sends them again.
     */
    public void forget() {
        current = null;
    }

    /** Puts the session's values from before the run back; a failure is logged (the session may be gone). */
    public void restore() {
        if (session == null) {
            return;
        }
        Connection c = session;
        session = null;
        current = null;
        try (PreparedStatement ps = c.prepareStatement(RESTORE)) {
            ps.setString(1, originalLockTimeout);
            ps.setString(2, originalStatementTimeout);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.warn("flyway-zdm: could not restore lock_timeout/statement_timeout: {}", e.getMessage());
        } finally {
            originalLockTimeout = null;
            originalStatementTimeout = null;
        }
    }
}
