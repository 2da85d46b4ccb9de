package io.github.flywayzdm.samples;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code mvn -q -pl samples -am compile exec:java}: runs the sample migrations on a real PostgreSQL. */
public final class SampleMain {

    private SampleMain() {
    }

    public static void main(String[] args) throws Exception {
        try (SampleDatabase db = SampleDatabase.open()) {
            System.out.println("flyway-zdm sample on " + db.description() + " (" + serverVersion(db) + ")");
            MigrateResult result = migrate(db);
            System.out.printf("flyway migrate: %d migration(s) applied, schema now at version %s, success=%s%n",
                    result.migrationsExecuted, result.targetSchemaVersion, result.success);
        }
    }

    static MigrateResult migrate(SampleDatabase db) {
        return Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/sample")
                .load()
                .migrate();
    }

    static String serverVersion(SampleDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }
}
