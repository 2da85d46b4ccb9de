package io.github.flywayzdm.backfill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/** Consulted before each batch: a reason to wait, or empty to go on. Pluggable: replication lag, load, business hours. */
@FunctionalInterface
public interface HealthCheck {

    /** @return why the backfill should wait now, or empty */
    Optional<String> waitReason(Connection connection) throws SQLException;

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
}
