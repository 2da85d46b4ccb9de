package io.github.flywayzdm.callbacks.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned SQL scripts an earlier run applied, read from Flyway's schema history in the order they were installed.
 * One catalog lookup and one query on the migration's connection; {@code Flyway.info()} would rescan every location
 * and open a connection of its own, which cost more than linting all the migrations of a small run.
 */
final class AppliedScripts {

    // Resolved on the server: quote_ident, and the session's current schema when Flyway was given none.
    private static final String HISTORY = "SELECT to_regclass(quote_ident(coalesce(?, current_schema())) || '.' || quote_ident(?))::text";

    private AppliedScripts() {
    }

    /** Scripts of successful versioned SQL migrations older than {@code before}; empty when there is no history yet. */
    static List<String> before(Connection c, Configuration config, MigrationVersion before) throws SQLException {
        if (c.getAutoCommit()) {
            return read(c, config, before);
        }
        // Inside the migration's own transaction: a failure here must not abort it.
        Savepoint savepoint = c.setSavepoint();
        try {
            List<String> scripts = read(c, config, before);
            c.releaseSavepoint(savepoint);
            return scripts;
        } catch (SQLException | RuntimeException e) {
            c.rollback(savepoint);
            throw e;
        }
    }

    private static List<String> read(Connection c, Configuration config, MigrationVersion before) throws SQLException {
        String history = historyTable(c, config);
        List<String> scripts = new ArrayList<>();
        if (history == null) {
            return scripts;
        }
        // history is the server's own rendering of an existing relation's name, so it is a valid quoted identifier.
        String sql = "SELECT version, script FROM " + history
                + " WHERE success AND type = 'SQL' AND version IS NOT NULL ORDER BY installed_rank";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (before == null || MigrationVersion.fromVersion(rs.getString(1)).compareTo(before) < 0) {
                    scripts.add(rs.getString(2));
                }
            }
        }
        return scripts;
    }

    /** The schema Flyway keeps its history in when configured (defaultSchema, else the first of schemas), or null. */
    static String configuredSchema(Configuration config) {
        return config.getDefaultSchema() != null ? config.getDefaultSchema()
                : config.getSchemas().length > 0 ? config.getSchemas()[0] : null;
    }

    private static String historyTable(Connection c, Configuration config) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
            ps.setString(1, configuredSchema(config));
            ps.setString(2, config.getTable());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
