package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The configuration the callbacks README documents for Maven users: flyway-maven-plugin with our jar as a plugin
 * dependency, run as a real {@code mvn flyway:migrate} against a real PostgreSQL.
 */
@WithPostgres
class FlywayMavenPluginIT {

    @TempDir
    Path project;

    private void pom(TestDatabase db) throws Exception {
        pom(db, "", "");
    }

    private void pom(TestDatabase db, String properties, String configuration) throws Exception {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it</groupId>
                  <artifactId>app</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <properties>%6$s</properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.flywaydb</groupId>
                        <artifactId>flyway-maven-plugin</artifactId>
                        <version>%1$s</version>
                        <configuration>
                          <url>%2$s</url>
                          <user>%3$s</user>
                          <locations><location>filesystem:src/main/resources/db/migration</location></locations>
                          <callbacks><callback>io.github.flywayzdm.callbacks.ZdmCallback</callback></callbacks>
                          %7$s
                        </configuration>
                        <dependencies>
                          <dependency>
                            <groupId>io.github.flywayzdm</groupId>
                            <artifactId>flyway-zdm-callbacks</artifactId>
                            <version>%4$s</version>
                          </dependency>
                          <dependency>
                            <groupId>org.flywaydb</groupId>
                            <artifactId>flyway-database-postgresql</artifactId>
                            <version>%1$s</version>
                          </dependency>
                          <dependency>
                            <groupId>org.postgresql</groupId>
                            <artifactId>postgresql</artifactId>
                            <version>%5$s</version>
                          </dependency>
                        </dependencies>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("zdm.flyway.maven.plugin.version"), db.jdbcUrl(), db.user(),
                System.getProperty("zdm.plugin.version"), System.getProperty("zdm.postgresql.version"), properties,
                configuration));
    }

    private void migration(String name, String sql) throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve(name), sql);
    }

    private String migrate(TestDatabase db, boolean expectSuccess, String... properties) throws Exception {
        return migrate(db, Map.of(), expectSuccess, properties);
    }

    private String migrate(TestDatabase db, Map<String, String> env, boolean expectSuccess, String... properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("zdm.maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-Dmaven.repo.local=" + System.getProperty("zdm.maven.repo"), "flyway:migrate"));
        command.addAll(List.of(properties));
        Path log = project.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("FLYWAY_PASSWORD", db.password()); // the password stays out of the pom and the command line
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("mvn finished").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue() == 0).as(output).isEqualTo(expectSuccess);
        return output;
    }

    @Test
    void theGuardRunsInsideFlywayMavenPlugin(TestDatabase db) throws Exception {
        pom(db);
        migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);");

        // the table is empty, so the size-aware verdict would allow the plain index; the documented system property
        // makes every table count as large
        String refused = migrate(db, false, "-Dflyway.zdm.smallTableRows=0");
        assertThat(refused).contains("create-index-non-concurrent").contains("V2__status_index.sql");
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).as("no history row").isZero();

        migration("V2__status_index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status ON orders (status);");
        String hang = migrate(db, false, "-Dflyway.zdm.smallTableRows=0");
        assertThat(hang).contains("use CONCURRENTLY while flyway.postgresql.transactional.lock=true")
                .contains("Fix: set flyway.postgresql.transactional.lock=false");

        String applied = migrate(db, true, "-Dflyway.zdm.smallTableRows=0", "-Dflyway.postgresql.transactional.lock=false");
        assertThat(applied).contains("flyway-zdm");
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isEqualTo(1);
    }

    @Test
    void settingsInThePomsPluginConfigurationAndTheEnvironment(TestDatabase db) throws Exception {
        assumeFalse(Boolean.getBoolean("zdm.matrix.skip"), "front-end matrix skipped (-Dzdm.matrix.skip=true)");
        pom(db, "", "<pluginConfiguration><zdm.mode>warn</zdm.mode></pluginConfiguration>");
        migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);");

        String warned = migrate(db, Map.of("FLYWAY_ZDM_SMALL_TABLE_ROWS", "0"), true);
        assertThat(warned).contains("create-index-non-concurrent").contains("mode=warn").contains("smallTableRows=0");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isOne();
    }

    @Test
    void settingsAsPomProperties(TestDatabase db) throws Exception {
        assumeFalse(Boolean.getBoolean("zdm.matrix.skip"), "front-end matrix skipped (-Dzdm.matrix.skip=true)");
        pom(db, "<flyway.zdm.mode>warn</flyway.zdm.mode><flyway.zdm.smallTableRows>0</flyway.zdm.smallTableRows>", "");
        migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);");

        String warned = migrate(db, Map.of(), true);
        assertThat(warned).contains("create-index-non-concurrent").contains("mode=warn").contains("smallTableRows=0");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isOne();
    }
}
