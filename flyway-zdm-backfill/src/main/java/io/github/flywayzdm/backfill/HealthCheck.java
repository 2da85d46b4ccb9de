package io.github.flywayzdm.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/** Consulted between batches, at most once a second (and before the first): a reason to wait, or empty to go on. Pluggable: replication lag, load, business hours. */
@FunctionalInterface
public interface HealthCheck {

    /** @return why the backfill should wait now, or empty */
    Optional<String> waitReason(Connection connection) throws SQLException;

    /** This check, then {@code other}: the first reason to wait wins. */
    default HealthCheck and(HealthCheck other) {
        return c -> {
            Optional<String> reason = waitReason(c);
            return reason.isPresent() ? reason : other.waitReason(c);
        };
    }

    static HealthCheck none() {
        return c -> Optional.empty();
    }

    /** Waits while a streaming replica replays more than {@code max} behind (pg_stat_replication.replay_lag). */
    static HealthCheck replicationLag(Duration max) {
        return c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(extract(epoch FROM max(replay_lag)), 0) FROM pg_stat_replication")) {
                double lagSeconds = rs.next() ? rs.getDouble(1) : 0;
                return lagSeconds * 1000 > max.toMillis()
                        ? Optional.of(String.format(java.util.Locale.ROOT, "replica lag %.1f s > %d ms", lagSeconds, max.toMillis()))
                        : Optional.empty();
            }
        };
    }

    /**
     * Waits while another session's statement has been waiting on a lock for more than {@code max}: this database is
     * queueing (a long transaction, a stuck DDL), and every batch would add to the queue. Between batches the backfill
     * holds no lock, so these waits are never its own.
     */
    static HealthCheck lockWaits(Duration max) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(extract(epoch FROM clock_timestamp() - query_start)), 0) "
                    + "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() "
                    + "AND clock_timestamp() - query_start > ? * interval '1 millisecond'")) {
                ps.setLong(1, max.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0 ? Optional.empty() : Optional.of(String.format(java.util.Locale.ROOT,
                            "%d session(s) waiting on a lock for more than %d ms (longest %.1f s)", rs.getLong(1), max.toMillis(), rs.getDouble(2)));
                }
            }
        };
    }
}
