package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class ReportTest {

    @Test
    void writesJsonAndASelfContainedHtmlTimeline(TestDatabase db) throws Exception {
        Path out = Files.createTempDirectory("zdm-report");
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().reportDirectory(out).build());
        new MigrationDir(db)
                .write("V1__customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY, email text);\n")
                .write("V2__email_index.sql", "CREATE INDEX CONCURRENTLY customers_email_idx ON customers (email);\n")
                .write("V3__note.sql", "ALTER TABLE customers ADD COLUMN note json;\n")
                .flyway(callback).migrate();

        String json = Files.readString(out.resolve("zdm-report.json"));
        assertThat(json).contains("\"version\": \"1\"", "\"version\": \"2\"", "\"version\": \"3\"")
                .contains("\"lockTimeout\": \"300ms\"").contains("\"transactional\": false")
                .contains("\"rule\": \"json-column\"");
        String html = Files.readString(out.resolve("zdm-report.html"));
        assertThat(Pattern.compile("<tr class=\"migration success\" data-version=\"\\d\"").matcher(html).results().count())
                .isEqualTo(3);
        assertThat(html).contains("V2__email_index.sql").doesNotContain("<script src").doesNotContain("<link ");
    }
}
