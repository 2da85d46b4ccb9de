package io.github.flywayzdm.samples;

import io.github.flywayzdm.embedded.PgVersions;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class SampleMainTest {

    @Test
    void migratesTheSampleSchemaOnTheSelectedServer() throws Exception {
        try (SampleDatabase db = SampleDatabase.open()) {
            MigrateResult result = SampleMain.migrate(db);
            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, to_regclass('customers') IS NOT NULL")) {
                rs.next();
                if (System.getenv("ZDM_SAMPLE_JDBC_URL") == null) {
                    assertThat(rs.getInt(1) / 10000).isEqualTo(PgVersions.selectedMajor());
                }
                assertThat(rs.getBoolean(2)).isTrue();
            }
        }
    }

    @Test
    void mainPrintsFlywaysResult() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SampleMain.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("flyway-zdm sample on ").contains("migration(s) applied").contains("success=true");
    }
}
