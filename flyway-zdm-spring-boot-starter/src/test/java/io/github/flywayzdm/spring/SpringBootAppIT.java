package io.github.flywayzdm.spring;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Real Spring Boot applications as a user writes them: {@code spring-boot-starter-parent}, our starter, and only the
 * dependencies the starter README lists for that Boot line, built by a real {@code mvn} and started as a plain
 * {@code java} process against the test PostgreSQL (the password in {@code SPRING_DATASOURCE_PASSWORD}). An unsafe
 * migration stops startup with our veto and no history row; the safe rewrite starts. The Flyway version is the one
 * Boot manages (checked on the resolved classpath), not the one this project builds against.
 */
@WithPostgres
class SpringBootAppIT {

    static final String STARTER = "<dependency><groupId>io.github.flywayzdm</groupId>"
            + "<artifactId>flyway-zdm-spring-boot-starter</artifactId><version>" + System.getProperty("zdm.starter.version")
            + "</version></dependency>";
    /** The same starter, its version from the imported flyway-zdm-bom. */
    static final String STARTER_FROM_BOM = "<dependency><groupId>io.github.flywayzdm</groupId>"
            + "<artifactId>flyway-zdm-spring-boot-starter</artifactId></dependency>";
    static final String BOM = "<dependencyManagement><dependencies><dependency><groupId>io.github.flywayzdm</groupId>"
            + "<artifactId>flyway-zdm-bom</artifactId><version>" + System.getProperty("zdm.starter.version")
            + "</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>";
    static final String JDBC = "<dependency><groupId>org.springframework.boot</groupId>"
            + "<artifactId>spring-boot-starter-jdbc</artifactId></dependency>";
    static final String FLYWAY4 = "<dependency><groupId>org.springframework.boot</groupId>"
            + "<artifactId>spring-boot-starter-flyway</artifactId></dependency>";
    static final String DRIVER = "<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId>"
            + "<scope>runtime</scope></dependency>";

    @BeforeAll
    static void matrix() {
        assumeFalse(Boolean.getBoolean("zdm.matrix.skip"), "compatibility matrix skipped (-Dzdm.matrix.skip=true)");
    }

    /** A generated, compiled application: its directory and the classpath to start it with. */
    record App(Path dir, String classpath) {

        static App build(String name, String bootVersion, String management, String... dependencies) throws Exception {
            Path dir = BootProject.create(name, bootVersion, management, List.of(dependencies));
            Path src = Files.createDirectories(dir.resolve("src/main/java/it"));
            Files.writeString(src.resolve("App.java"), """
                    package it;

                    import org.springframework.boot.SpringApplication;
                    import org.springframework.boot.autoconfigure.SpringBootApplication;

                    @SpringBootApplication
                    public class App {
                        public static void main(String[] args) {
                            SpringApplication.run(App.class, args).close();
                        }
                    }
                    """);
            Path resources = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
            // the table is empty, so the size-aware verdict would allow the plain index: count every table as large
            Files.writeString(resources.getParent().getParent().resolve("application.properties"), "zdm.small-table-rows=0\n");
            Files.writeString(resources.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
            return new App(dir, BootProject.compile(dir));
        }

        void migration(String name, String sql) throws Exception {
            Files.writeString(dir.resolve("target/classes/db/migration").resolve(name), sql);
        }

        Run start(TestDatabase db, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, "it.App", "--spring.datasource.url=" + db.jdbcUrl(),
                    "--spring.datasource.username=" + db.user()));
            command.addAll(List.of(args));
            Path log = dir.resolve("run.log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
            Process p = pb.start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("application finished starting").isTrue();
            return new Run(p.exitValue(), Files.readString(log));
        }
    }

    record Run(int exit, String output) { }

    private static void unsafeIsRefusedSafeStarts(App app, TestDatabase db) throws Exception {
        app.migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);\n");
        Run refused = app.start(db);
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("flyway-zdm refused migration V2").contains("create-index-non-concurrent")
                .contains("or set zdm.mode=warn.");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '1'")).isOne();
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).as("no history row").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'")).isZero();

        app.migration("V2__status_index.sql", "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n");
        Run started = app.start(db, "--spring.flyway.postgresql.transactional-lock=false");
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output()).contains("flyway-zdm");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isOne();
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'")).isOne();
    }

    @Test
    void boot35WithStarterJdbcAndTheDriverIsGuarded(TestDatabase db) throws Exception {
        App app = App.build("boot35", System.getProperty("zdm.it.boot3.version"), BOM, STARTER_FROM_BOM, JDBC, DRIVER);
        assertThat(app.classpath()).contains("flyway-core-11.7.2.jar");   // the Flyway line Boot 3.5.7 manages
        unsafeIsRefusedSafeStarts(app, db);
    }

    @Test
    void boot40WithStarterJdbcFlywayAndTheDriverIsGuarded(TestDatabase db) throws Exception {
        App app = App.build("boot40", System.getProperty("zdm.it.boot4.version"), "", STARTER, JDBC, FLYWAY4, DRIVER);
        assertThat(app.classpath()).contains("flyway-core-11.14.1.jar");  // the Flyway line Boot 4.0.7 manages
        unsafeIsRefusedSafeStarts(app, db);
    }

    @Test
    void boot40WithoutItsFlywayModuleFailsStartupNamingTheDependency(TestDatabase db) throws Exception {
        App app = App.build("boot40-no-flyway", System.getProperty("zdm.it.boot4.version"), "", STARTER, JDBC, DRIVER);
        app.migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);\n");
        Run failed = app.start(db);
        assertThat(failed.exit()).as(failed.output()).isNotZero();
        assertThat(failed.output()).contains("flyway-zdm: Flyway is on the classpath but Spring Boot 4 runs it only")
                .contains("<artifactId>spring-boot-starter-flyway</artifactId>");
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'orders'")).as("nothing ran").isZero();

        Run off = app.start(db, "--spring.flyway.enabled=false");
        assertThat(off.exit()).as("Flyway switched off on purpose: " + off.output()).isZero();
    }
}
