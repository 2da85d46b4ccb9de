package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway CLI situation: Flyway, its PostgreSQL support and the JDBC driver, plus our -cli jar (and for
 * self-registration the main jar), in a class loader that sees nothing else (no lint module, no JSqlParser, no SLF4J).
 */
@WithPostgres
class CliJarIT {

    private static Path repoJar(String group, String artifact, String version) {
        return Path.of(System.getProperty("zdm.maven.repo"), group.replace('.', '/'), artifact, version,
                artifact + "-" + version + ".jar");
    }

    private static URLClassLoader flywayWithCliJar(boolean withSelfRegistration) throws Exception {
        String flyway = System.getProperty("zdm.flyway.version");
        java.util.List<Path> list = new java.util.ArrayList<>(java.util.List.of(
                repoJar("org.flywaydb", "flyway-core", flyway),
                repoJar("org.flywaydb", "flyway-database-postgresql", flyway),
                repoJar("org.postgresql", "postgresql", System.getProperty("zdm.postgresql.version")),
                Path.of(System.getProperty("zdm.cli.jar"))));
        if (withSelfRegistration) {
            list.add(Path.of(System.getProperty("zdm.auto.jar")));
        }
        Path[] jars = list.toArray(Path[]::new);
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            assertThat(jars[i]).exists();
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static Throwable migrate(ClassLoader cl, Map<String, String> config) throws Exception {
        Class<?> flyway = cl.loadClass("org.flywaydb.core.Flyway");
        Object fluent = flyway.getMethod("configure", ClassLoader.class).invoke(null, cl);
        fluent = fluent.getClass().getMethod("configuration", Map.class).invoke(fluent, config);
        Object loaded = fluent.getClass().getMethod("load").invoke(fluent);
        Method migrate = loaded.getClass().getMethod("migrate");
        try {
            migrate.invoke(loaded);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    private static Map<String, String> config(TestDatabase db, Path dir, String callbacks) {
        var m = new java.util.HashMap<>(Map.of("flyway.url", db.jdbcUrl(), "flyway.user", db.user(),
                "flyway.password", db.password(), "flyway.locations", "filesystem:" + dir));
        if (callbacks != null) {
            m.put("flyway.callbacks", callbacks);
        }
        return m;
    }

    private static Path migrations() throws Exception {
        Path dir = Files.createTempDirectory("zdm-cli");
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n"
                + "-- zdm:ignore unbatched-data-change: test data\n"
                + "INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g;\n");
        Files.writeString(dir.resolve("V2__analyze.sql"), "ANALYZE orders;\n");
        Files.writeString(dir.resolve("V3__index.sql"), "CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        return dir;
    }

    @Test
    void withTheMainJarNextToItItGuardsWithoutAnySetting(TestDatabase db) throws Exception {
        try (URLClassLoader cl = flywayWithCliJar(true)) {
            Throwable error = migrate(cl, config(db, migrations(), null));
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).contains("create-index-non-concurrent").contains("V3__index.sql:1");
        }
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '3'")).isZero();
    }

    @Test
    void aloneAndRegisteredWithCallbacksSettingItGuards(TestDatabase db) throws Exception {
        try (URLClassLoader cl = flywayWithCliJar(false)) {
            Throwable error = migrate(cl, config(db, migrations(), "io.github.flywayzdm.callbacks.ZdmCallback"));
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).contains("create-index-non-concurrent");
            assertThat(cl.loadClass("io.github.flywayzdm.lint.shaded.jsqlparser.parser.CCJSqlParserUtil")).isNotNull();
        }
    }
}
