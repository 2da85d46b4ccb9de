package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@WithPostgres
class ReportHistoryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRetriedMigrateKeepsTheFailedAttemptAndItsBlocker(TestDatabase db) throws Exception {
        Path out = Files.createTempDirectory("zdm-report");
        MigrationDir m = new MigrationDir(db).write("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().reportDirectory(out).build())).migrate();
        m.write("V2__note.sql", "ALTER TABLE accounts ADD COLUMN note text;\n");

        try (Connection reader = db.connect(); Statement s = reader.createStatement()) {
            s.execute("SET application_name = 'report-job'");
            reader.setAutoCommit(false);
            s.executeQuery("SELECT count(*) FROM accounts /* the long report */").close();
            assertThat(catchThrowable(() -> m.flyway(new ZdmCallback(MigrationDir.testSettings().reportDirectory(out).build())).migrate()))
                    .hasMessageContaining("lock timeout");
            reader.rollback();
        }
        m.flyway(new ZdmCallback(MigrationDir.testSettings().reportDirectory(out).build())).migrate();

        JsonNode index = JSON.readTree(out.resolve("zdm-runs.json").toFile());
        List<JsonNode> runs = StreamSupport.stream(index.get("runs").spliterator(), false).toList();
        assertThat(runs).extracting(r -> r.get("outcome").asString()).containsExactly("success", "failed", "success");
        assertThat(runs).extracting(r -> r.get("migrationCount").asInt()).containsExactly(1, 1, 1);

        JsonNode failed = JSON.readTree(out.resolve(runs.get(1).get("file").asString()).toFile());
        assertThat(failed.get("id").asString()).isEqualTo(runs.get(1).get("id").asString());
        JsonNode attempt = failed.get("migrations").get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("failed");
        assertThat(attempt.get("sqlState").asString()).isEqualTo("55P03");
        assertThat(attempt.get("blockers").get(0).get("applicationName").asString()).isEqualTo("report-job");
        assertThat(attempt.get("blockers").get(0).get("query").asString()).contains("the long report");

        JsonNode latest = JSON.readTree(out.resolve("zdm-report.json").toFile());
        assertThat(latest.get("id").asString()).isEqualTo(runs.get(0).get("id").asString());

        String html = Files.readString(out.resolve("zdm-report.html"));
        assertThat(Pattern.compile("<section class=\"run (\\w+)\"").matcher(html).results().map(r -> r.group(1)).toList())
                .containsExactly("success", "failed", "success");
        assertThat(html).contains("report-job").contains("the long report").contains("3 runs, newest first");
    }
}
