package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class ZdmAutoConfigurationTest {

    /** The application's own callback, which must keep working next to ours. */
    static final class AppCallback implements Callback {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override public boolean supports(Event event, Context context) { return event == Event.AFTER_EACH_MIGRATE; }
        @Override public boolean canHandleInTransaction(Event event, Context context) { return true; }
        @Override public void handle(Event event, Context context) { seen.add(context.getMigrationInfo().getVersion().getVersion()); }
        @Override public String getCallbackName() { return "app"; }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        AppCallback appCallback() {
            return new AppCallback();
        }
    }

    private static Path migrations(String third) throws Exception {
        Path dir = Files.createTempDirectory("zdm-spring");
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n"
                + "CREATE TABLE seen (lock_timeout text);\n");
        Files.writeString(dir.resolve("V2__data.sql"), "-- zdm:ignore-file unbatched-data-change: test data\n"
                + "INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g;\nANALYZE orders;\n"
                + "INSERT INTO seen VALUES (current_setting('lock_timeout'));\n");
        Files.writeString(dir.resolve("V3__index.sql"), third);
        return dir;
    }

    private static ConfigurableApplicationContext run(TestDatabase db, Path dir, String... extra) {
        List<String> props = new java.util.ArrayList<>(List.of(
                "spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "spring.flyway.locations=filesystem:" + dir,
                "zdm.lock-timeout=300ms"));
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties(props.toArray(String[]::new)).run();
    }

    @Test
    void callbackIsActiveWithBoundPropertiesNextToTheApplicationsCallbacks(TestDatabase db) throws Exception {
        Path dir = migrations("CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        try (ConfigurableApplicationContext ctx = run(db, dir, "zdm.mode=warn", "zdm.watchdog=20s",
                "zdm.severity.json-column=error", "zdm.retry.attempts=3")) {
            assertThat(ctx.getBeansOfType(org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy.class)).hasSize(1);
            Flyway flyway = ctx.getBean(Flyway.class);
            assertThat(flyway.getConfiguration().getCallbacks()).hasAtLeastOneElementOfType(AppCallback.class)
                    .filteredOn(c -> ZdmCallbackBean.guard(c) != null).hasSize(1);
            ZdmSettings settings = ZdmCallbackBean.guard(ctx.getBean("zdmCallback", Callback.class))
                    .settings(flyway.getConfiguration());
            assertThat(settings.mode()).isEqualTo(ZdmSettings.Mode.WARN);
            assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMillis(300));
            assertThat(settings.watchdogLimit()).contains(Duration.ofSeconds(20));
            assertThat(ctx.getBean(AppCallback.class).seen).containsExactly("1", "2", "3");
            // the monitor session came from the application's pool and went back without our settings
            assertThat(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND application_name = 'flyway-zdm monitor'")).isZero();
        }
        assertThat(db.queryValue("SELECT lock_timeout FROM seen")).isEqualTo("300ms");
    }

    @Test
    void enforceModeStopsTheApplicationBeforeTheUnsafeMigration(TestDatabase db) throws Exception {
        Path dir = migrations("CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        assertThatThrownBy(() -> run(db, dir).close())
                .hasStackTraceContaining("create-index-non-concurrent")
                .hasStackTraceContaining("or set zdm.mode=warn.");   // the hint names the Boot property
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '3'")).isZero();
    }

    @Test
    void canBeSwitchedOff(TestDatabase db) throws Exception {
        Path dir = migrations("CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        try (ConfigurableApplicationContext ctx = run(db, dir, "zdm.enabled=false")) {
            assertThat(ctx.containsBean("zdmCallback")).isFalse();
            assertThat(ctx.getBeansOfType(org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy.class)).isEmpty();
        }
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '3'")).isOne();
    }
}
