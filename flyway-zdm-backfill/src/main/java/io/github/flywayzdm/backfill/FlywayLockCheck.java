package io.github.flywayzdm.backfill;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refuses a backfill under Flyway's PostgreSQL transactional lock ({@code flyway.postgresql.transactional.lock=true},
 * Flyway's default): Flyway then keeps a transaction open on another session for the whole migrate run, and a
 * backfill turns that into an open transaction as long as itself. The same fix as the guard's CONCURRENTLY refusal.
 */
final class FlywayLockCheck {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    static final String FIX = "Fix: set flyway.postgresql.transactional.lock=false (env FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false; "
            + "TOML [flyway.postgresql.transactional] lock = false; Spring Boot: spring.flyway.postgresql.transactional-lock=false; "
            + "Java: Flyway.configure().configuration(Map.of(\"flyway.postgresql.transactional.lock\", \"false\")))";

    private FlywayLockCheck() {
    }

    /** Throws before anything is written when the run holds Flyway's transactional lock. */
    static void refuseUnderTransactionalLock(Backfill backfill, Configuration config, Connection connection) throws SQLException {
        if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        Boolean lock = transactionalLock(config);
        if (lock == null) {
            LOG.warn("{}: could not read flyway.postgresql.transactional.lock from Flyway's configuration; make sure it is false, "
                    + "or Flyway keeps a transaction open for the whole backfill", backfill);
        } else if (lock) {
            throw new BackfillException(backfill + " refused: flyway.postgresql.transactional.lock=true keeps a transaction open "
                    + "on another session for the whole migrate run, as long as this backfill. " + FIX + " and migrate again. No row was changed.");
        }
    }

    /** Null when it cannot be read (another Flyway edition or version). */
    private static Boolean transactionalLock(Configuration config) {
        try {
            PostgreSQLConfigurationExtension ext = config.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class);
            return ext == null ? null : ext.isTransactionalLock();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
