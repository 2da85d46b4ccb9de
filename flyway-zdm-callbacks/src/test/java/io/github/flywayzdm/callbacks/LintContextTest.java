package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard judges each migration with the schema the earlier migrations built, in earlier runs too. */
@WithPostgres
class LintContextTest {

    @Test
    void setNotNullAfterAValidatedCheckFromEarlierRunsPasses(TestDatabase db, @TempDir Path dir) throws Exception {
        checkValidatedThenNotNull(dir, "t");
        flyway(db, dir, "3").migrate(); // an earlier deployment
        assertThat(flyway(db, dir, "latest").migrate().migrationsExecuted).isEqualTo(1);
        assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'c'")).isEqualTo(true);
    }

    @Test
    void contextComesFromTheHistoryInTheConfiguredSchema(TestDatabase db, @TempDir Path dir) throws Exception {
        checkValidatedThenNotNull(dir, "\"my app\".t");
        db.execute("CREATE SCHEMA \"my app\"");
        flyway(db, dir, "3", "my app").migrate();
        assertThat(db.queryLong("SELECT count(*) FROM \"my app\".flyway_schema_history")).isEqualTo(3);
        assertThat(flyway(db, dir, "latest", "my app").migrate().migrationsExecuted).isEqualTo(1);
    }

    @Test
    void withoutTheValidationTheSameMigrationIsRefused(TestDatabase db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, c text);\nINSERT INTO t SELECT g, 'x' FROM generate_series(1, 20000) g;\nANALYZE t;");
        Files.writeString(dir.resolve("V2__check.sql"), "ALTER TABLE t ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL) NOT VALID;");
        Files.writeString(dir.resolve("V4__not_null.sql"), "ALTER TABLE t ALTER COLUMN c SET NOT NULL;");
        assertThatThrownBy(() -> flyway(db, dir, "latest").migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("set-not-null-scan");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '4'")).isZero();
    }

    /** V1-V3 build a table and prove its column non-null with a validated CHECK; V4 then sets NOT NULL. */
    private static void checkValidatedThenNotNull(Path dir, String table) throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE " + table + " (id bigint PRIMARY KEY, c text);\nINSERT INTO " + table + " VALUES (1, 'x');");
        Files.writeString(dir.resolve("V2__check.sql"), "ALTER TABLE " + table + " ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL) NOT VALID;");
        Files.writeString(dir.resolve("V3__validate.sql"), "ALTER TABLE " + table + " VALIDATE CONSTRAINT t_c_nn;");
        Files.writeString(dir.resolve("V4__not_null.sql"), "ALTER TABLE " + table + " ALTER COLUMN c SET NOT NULL;");
    }

    private static Flyway flyway(TestDatabase db, Path dir, String target) {
        return flyway(db, dir, target, "public");
    }

    private static Flyway flyway(TestDatabase db, Path dir, String target, String schema) {
        return Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).target(target).schemas(schema)
                .callbacks(new ZdmCallback(ZdmSettings.builder().smallTableRows(0).build())).load();
    }
}
