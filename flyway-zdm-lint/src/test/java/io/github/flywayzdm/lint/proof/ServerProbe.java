package io.github.flywayzdm.lint.proof;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the proofs ask a real server while a statement runs: would another session wait for a lock, and a number. */
public final class ServerProbe {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private ServerProbe() {
    }

    /**
     * Runs {@code sql} on {@code other} (a session of its own) in a transaction with {@code lockTimeout} and rolls it
     * back: true when it timed out waiting for a lock.
     */
    public static boolean blocked(Connection other, String sql, String lockTimeout) throws SQLException {
        other.setAutoCommit(false);
        try (Statement s = other.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
            return lockTimedOut(s, sql);
        } finally {
            other.rollback();
            other.setAutoCommit(true);
        }
    }

    /** Runs {@code sql}: true when it failed with lock_not_available (a lock_timeout ran out); other errors are thrown. */
    public static boolean lockTimedOut(Statement s, String sql) throws SQLException {
        try {
            s.execute(sql);
            return false;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }

    /** The first column of the first row as a number, 0 when there is no row. */
    public static long number(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
