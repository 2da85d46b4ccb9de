package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class RecordLocksTest {

    @Test
    void theReportShowsTheLocksEachTransactionalMigrationHeldAndWhatItRewrote(TestDatabase db) throws Exception {
        Path out = Files.createTempDirectory("zdm-report");
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().mode(ZdmSettings.Mode.WARN).recordLocks(true)
                .reportDirectory(out).build());
        new MigrationDir(db)
                .write("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n"
                        + "INSERT INTO orders SELECT g, 'new' FROM generate_series(1, 100) g;\n")
                .write("V2__rewrite.sql", "ALTER TABLE orders ADD COLUMN r float8 DEFAULT random();\n")
                .write("V3__constant.sql", "ALTER TABLE orders ADD COLUMN source text DEFAULT 'web';\n")
                .write("V4__index.sql", "CREATE INDEX orders_status ON orders (status);\n")
                .write("V5__concurrently.sql", "CREATE INDEX CONCURRENTLY orders_source ON orders (source);\n")
                .flyway(callback).migrate();

        String json = Files.readString(out.resolve("zdm-report.json"));
        assertThat(migration(json, "1")).contains("\"locks\": [\"public.orders AccessExclusiveLock (created here)\"")
                .contains("\"rewritten\": []");
        assertThat(migration(json, "2")).contains("\"public.orders AccessExclusiveLock\"")
                .contains("\"rewritten\": [\"public.orders\", \"public.orders_pkey\"]");
        assertThat(migration(json, "3")).contains("\"public.orders AccessExclusiveLock\"").contains("\"rewritten\": []");
        assertThat(migration(json, "4")).contains("\"public.orders ShareLock\"")
                .contains("\"public.orders_status AccessExclusiveLock (created here)\"").doesNotContain("flyway_schema_history");
        assertThat(migration(json, "5")).contains("\"locks\": []").contains("locks not recorded: a non-transactional migration");
        assertThat(Files.readString(out.resolve("zdm-report.html"))).contains("<b>rewrote</b> public.orders");
    }

    /** The JSON object of one migration (they are one line each). */
    private static String migration(String json, String version) {
        return json.lines().filter(l -> l.contains("{\"version\": \"" + version + "\"")).findFirst().orElseThrow();
    }
}
