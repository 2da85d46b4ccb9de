package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A directory of SQL migrations for one test, and Flyway set up on it with the callback (lock_timeout 300ms). */
final class MigrationDir {

    final Path dir;
    final TestDatabase db;

    MigrationDir(TestDatabase db) throws IOException {
        this.db = db;
        this.dir = Files.createTempDirectory("zdm-migrations");
    }

    MigrationDir write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
        return this;
    }

    static ZdmSettings.Builder testSettings() {
        return ZdmSettings.builder().lockTimeout(Duration.ofMillis(300)).smallTableRows(1000);
    }

    FluentConfiguration configure(ZdmCallback callback, JavaMigration... java) {
        FluentConfiguration c = Flyway.configure()
                .dataSource(db.dataSource())
                .locations("filesystem:" + dir)
                .callbacks(callback)
                .javaMigrations(java)
                .connectRetries(0);
        return c;
    }

    /** Flyway with its PostgreSQL advisory lock held per session, as CONCURRENTLY migrations need. */
    Flyway flyway(ZdmCallback callback, JavaMigration... java) {
        return flyway(db.dataSource(), callback, java);
    }

    /** The same on another data source (e.g. a pool). */
    Flyway flyway(javax.sql.DataSource dataSource, ZdmCallback callback, JavaMigration... java) {
        FluentConfiguration c = configure(callback, java).dataSource(dataSource);
        c.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return c.load();
    }

    long historyRows(String version) throws Exception {
        return db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '" + version + "'");
    }
}
