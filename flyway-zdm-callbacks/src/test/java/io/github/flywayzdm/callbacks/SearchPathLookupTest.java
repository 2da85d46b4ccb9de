package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard lets a blocking statement on a small table through as info. Which table a name means is the migration
 * session's business: a small {@code public.orders} must not vouch for the big {@code app.orders} the migration
 * really builds an index on, whether Flyway's schemas or the script's own SET search_path lead there.
 */
@WithPostgres
class SearchPathLookupTest {

    @TempDir
    Path dir;

    @BeforeEach
    void twoTablesOfTheSameName(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA app",
                "CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint)",
                "CREATE TABLE app.orders (id bigint PRIMARY KEY, customer_id bigint)",
                "INSERT INTO app.orders SELECT g, g % 100 FROM generate_series(1, 30000) g",
                "ANALYZE public.orders", "ANALYZE app.orders");
    }

    @Test
    void flywaysSchemasLeadToTheBigTableAndTheBuildIsRefused(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__index.sql"), "CREATE INDEX orders_customer ON orders (customer_id);\n");
        assertRefusedWithoutIndex(db, "app");
    }

    @Test
    void theScriptsOwnSearchPathLeadsToTheBigTableAndTheBuildIsRefused(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__index.sql"), "SET search_path = app;\nCREATE INDEX orders_customer ON orders (customer_id);\n");
        assertRefusedWithoutIndex(db, "public");
    }

    @Test
    void setConfigInTheScriptLeadsToTheBigTableAndTheBuildIsRefused(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__index.sql"),
                "SELECT set_config('search_path', 'app', false);\nCREATE INDEX orders_customer ON orders (customer_id);\n");
        assertRefusedWithoutIndex(db, "public");
    }

    @Test
    void afterResetTheDefaultPathLeadsToTheSmallTableAndTheBuildPasses(TestDatabase db) throws Exception {
        // Flyway's schemas lead to app.orders, but RESET puts the database's default path back: the index lands on
        // the small public.orders, which is what the guard must judge
        Files.writeString(dir.resolve("V1__index.sql"),
                "RESET search_path;\nCREATE INDEX orders_customer ON orders (customer_id);\n");
        assertThat(flyway(db, "app").migrate().migrationsExecuted).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'orders_customer'")).isEqualTo(1);
    }

    @Test
    void theSmallTableItselfStillPassesAsSmall(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1__index.sql"), "CREATE INDEX orders_customer ON orders (customer_id);\n");
        assertThat(flyway(db, "public").migrate().migrationsExecuted).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'orders_customer'")).isEqualTo(1);
    }

    private Flyway flyway(TestDatabase db, String schema) {
        return Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).schemas(schema)
                .baselineOnMigrate(true).baselineVersion("0")
                .callbacks(new ZdmCallback(ZdmSettings.builder().build())).load();
    }

    /** The migrate with Flyway's {@code schemas} is refused by the guard, and the index was not created. */
    private void assertRefusedWithoutIndex(TestDatabase db, String schemas) throws Exception {
        assertThatThrownBy(() -> flyway(db, schemas).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("create-index-non-concurrent");
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_customer'")).isZero();
    }
}
