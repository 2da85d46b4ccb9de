package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.callbacks.ZdmCallback;
import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class ZdmAutoCallbackTest {

    private static Path migrations() throws Exception {
        Path dir = Files.createTempDirectory("zdm-plugin");
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n");
        Files.writeString(dir.resolve("V2__data.sql"), "-- zdm:ignore-file unbatched-data-change: test data\n"
                + "INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g;\nANALYZE orders;\n");
        Files.writeString(dir.resolve("V3__index.sql"), "CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        return dir;
    }

    @Test
    void guardsMigrateWithoutAnyCallbackSetting(TestDatabase db) throws Exception {
        Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + migrations()).load();

        assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class)
                .hasMessageContaining("create-index-non-concurrent").hasMessageContaining("V3__index.sql:1");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '3'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).isOne();
    }

    @Test
    void stepsAsideForAnExplicitlyConfiguredCallback(TestDatabase db) throws Exception {
        ZdmCallback explicit = new ZdmCallback(ZdmSettings.builder().mode(ZdmSettings.Mode.WARN).build());
        Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + migrations())
                .callbacks(explicit).load();

        flyway.migrate();   // the explicit callback warns; the auto-registered one would have refused V3

        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '3'")).isOne();
    }
}
