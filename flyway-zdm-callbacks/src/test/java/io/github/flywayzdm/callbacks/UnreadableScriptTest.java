package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migration the guard cannot read (here: served by a custom resource provider) is refused, never run unchecked. */
@WithPostgres
class UnreadableScriptTest {

    /** Scripts that exist only in memory: Flyway runs them, no location the guard can read holds them. */
    private record InMemory(Map<String, String> scripts) implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            return scripts.containsKey(name) ? resource(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return scripts.keySet().stream().filter(n -> n.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(n::endsWith))
                    .sorted().map(this::resource).toList();
        }

        private LoadableResource resource(String name) {
            return new LoadableResource() {
                @Override
                public Reader read() {
                    return new StringReader(scripts.get(name));
                }

                @Override
                public String getAbsolutePath() {
                    return "memory:" + name;
                }

                @Override
                public String getAbsolutePathOnDisk() {
                    return "memory:" + name;
                }

                @Override
                public String getFilename() {
                    return name;
                }

                @Override
                public String getRelativePath() {
                    return name;
                }
            };
        }
    }

    private static Flyway flyway(TestDatabase db, ZdmCallback callback, Map<String, String> scripts) {
        FluentConfiguration c = Flyway.configure().dataSource(db.dataSource()).resourceProvider(new InMemory(scripts))
                .callbacks(callback).connectRetries(0).baselineOnMigrate(true); // baseline 1: the tests' scripts start at V2
        c.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return c.load();
    }

    @Test
    void enforceRefusesAScriptItCannotReadWithNoHistoryRow(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)",
                "INSERT INTO orders SELECT g, g % 100 FROM generate_series(1, 5000) g");
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        Map<String, String> scripts = Map.of("V2__index.sql", "CREATE INDEX orders_customer_idx ON orders (customer_id);");

        assertThatThrownBy(() -> flyway(db, callback, scripts).migrate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("cannot read V2__index.sql")
                .hasMessageContaining("cannot be checked");
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_customer_idx'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).isZero();
    }

    @Test
    void warnModeRunsItAndSaysItWasNotChecked(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().mode(ZdmSettings.Mode.WARN).build());
        try (CapturedLog log = new CapturedLog()) {
            flyway(db, callback, Map.of("V2__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);")).migrate();
            assertThat(log.text()).contains("cannot read V2__t.sql").contains("runs unchecked");
        }
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).isOne();
    }
}
