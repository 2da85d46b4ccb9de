package io.github.flywayzdm.callbacks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Applies lock_timeout / statement_timeout to the migration's session and puts the session values back afterwards.
 * Transactional migrations get transaction-local values (gone at commit or rollback); the session values are still
 * restored after a successful one so that a plain {@code SET} inside the script does not leak either.
 * Non-transactional migrations get session values that are restored after success and after failure.
 */
public final class LockGuard {

    private static final String APPLY = "SELECT pg_backend_pid(), current_setting('lock_timeout'), "
            + "current_setting('statement_timeout'), "
            + "set_config('lock_timeout', coalesce(?, current_setting('lock_timeout')), ?), "
            + "set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), ?)";
    private static final String RESTORE = "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)";

    /** What was applied, and what to restore. */
    public record Applied(int backendPid, boolean transactional, String lockTimeout, String statementTimeout,
                          String previousLockTimeout, String previousStatementTimeout) {
    }

    private LockGuard() {
    }

    /** @param lockTimeout zero leaves the server's value; same for statementTimeout */
    public static Applied apply(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        boolean transactional = !c.getAutoCommit();
        try (PreparedStatement ps = c.prepareStatement(APPLY)) {
            ps.setString(1, lockTimeout.isZero() ? null : DurationText.toSetting(lockTimeout));
            ps.setBoolean(2, transactional);
            ps.setString(3, statementTimeout.isZero() ? null : DurationText.toSetting(statementTimeout));
            ps.setBoolean(4, transactional);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Applied(rs.getInt(1), transactional, rs.getString(4), rs.getString(5), rs.getString(2), rs.getString(3));
            }
        }
    }

    /** Puts the session values back; call after success, and after failure of a non-transactional migration only. */
    public static void restore(Connection c, Applied applied) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESTORE)) {
            ps.setString(1, applied.previousLockTimeout());
            ps.setString(2, applied.previousStatementTimeout());
            ps.executeQuery().close();
        }
    }
}
