package io.github.flywayzdm.spring;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The background worker in real Spring Boot web applications with Actuator, built by a real {@code mvn} and run as
 * {@code java} processes against the test PostgreSQL: migrate queues the backfill and startup does not wait for it;
 * the worker waits while the application's health is DOWN; {@code /actuator/zdm} shows the job and the last migrate;
 * SIGTERM stops the worker between batches and frees its chunks; a restarted instance finishes the rest, every row
 * updated exactly once, and {@code /actuator/metrics} shows its rows, batches and waits.
 */
@WithPostgres
class BackgroundBackfillAppIT {

    static final String VERSION = System.getProperty("zdm.starter.version");
    static final int ROWS = 20_000;

    @BeforeAll
    static void matrix() {
        assumeFalse(Boolean.getBoolean("zdm.matrix.skip"), "compatibility matrix skipped (-Dzdm.matrix.skip=true)");
    }

    private static String dependency(String group, String artifact, String version) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + "</dependency>";
    }

    /** A web application with Actuator, the starter, the backfill library, and a health indicator DOWN while ./down exists. */
    record App(Path dir, String classpath) {

        static App build(String name, String bootVersion, String healthPackage, String... extra) throws Exception {
            List<String> deps = new ArrayList<>(List.of(
                    dependency("io.github.flywayzdm", "flyway-zdm-spring-boot-starter", VERSION),
                    dependency("io.github.flywayzdm", "flyway-zdm-backfill", VERSION),
                    dependency("org.springframework.boot", "spring-boot-starter-web", null),
                    dependency("org.springframework.boot", "spring-boot-starter-actuator", null),
                    dependency("org.springframework.boot", "spring-boot-starter-jdbc", null),
                    "<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><scope>runtime</scope></dependency>"));
            deps.addAll(List.of(extra));
            Path dir = BootProject.create(name, bootVersion, "", deps);
            Path src = Files.createDirectories(dir.resolve("src/main/java/it"));
            Files.writeString(src.resolve("App.java"), """
                    package it;

                    import %1$s.Health;
                    import %1$s.HealthIndicator;
                    import org.springframework.boot.SpringApplication;
                    import org.springframework.boot.autoconfigure.SpringBootApplication;
                    import org.springframework.context.annotation.Bean;

                    import java.nio.file.Files;
                    import java.nio.file.Path;

                    @SpringBootApplication
                    public class App {
                        public static void main(String[] args) {
                            SpringApplication.run(App.class, args);
                        }

                        @Bean
                        HealthIndicator switchable() {
                            return () -> Files.exists(Path.of("down")) ? Health.down().withDetail("file", "down").build() : Health.up().build();
                        }
                    }
                    """.formatted(healthPackage));
            Path migrations = Files.createDirectories(dir.resolve("src/main/java/db/migration"));
            Files.writeString(migrations.resolve("V2__queue_orders_status.java"), """
                    package db.migration;

                    import io.github.flywayzdm.backfill.Backfill;
                    import io.github.flywayzdm.backfill.BackfillOptions;
                    import io.github.flywayzdm.backfill.BackgroundBackfillMigration;
                    import java.time.Duration;

                    public class V2__queue_orders_status extends BackgroundBackfillMigration {
                        @Override
                        protected Backfill backfill() {
                            // small paced batches: the backfill lasts long enough to be watched, paused and stopped
                            return Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1")
                                    .where("status IS NULL").verify("status IS NULL").id("orders-status")
                                    .options(BackfillOptions.defaults().withBatchSize(100, 100, 100)
                                            .withPause(Duration.ofMillis(100)).withWorkers(2)).build();
                        }
                    }
                    """);
            Path resources = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
            Files.writeString(resources.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text, "
                    + "touched int NOT NULL DEFAULT 0);\nINSERT INTO orders (id) SELECT g FROM generate_series(1, " + ROWS + ") g;\n");
            return new App(dir, BootProject.compile(dir));
        }

        /** Starts the application and returns once it answers HTTP. */
        Running start(TestDatabase db, String logName) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, "it.App", "--spring.datasource.url=" + db.jdbcUrl(),
                    "--spring.datasource.username=" + db.user(), "--server.port=" + port,
                    "--management.endpoints.web.exposure.include=health,metrics,zdm",
                    "--management.endpoint.health.show-details=always",
                    "--zdm.backfill.worker.enabled=true", "--zdm.backfill.worker.poll-interval=200ms");
            Path log = dir.resolve(logName);
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
            Running app = new Running(pb.start(), port, log);
            waitFor(() -> app.answers() || !app.process.isAlive(), "the application to answer on port " + port);
            assertThat(app.process.isAlive()).as(app.log()).isTrue();
            return app;
        }

        Path downFile() {
            return dir.resolve("down");
        }
    }

    record Running(Process process, int port, Path logFile) {

        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        boolean answers() {
            try {
                get("/actuator/health");
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        String zdm() throws Exception {
            HttpResponse<String> r = get("/actuator/zdm");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        }

        /** The value of one statistic (COUNT, TOTAL_TIME, TOTAL) of a meter, or -1 when the meter does not exist. */
        double metric(String name, String statistic, String tag) throws Exception {
            HttpResponse<String> r = get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
            if (r.statusCode() == 404) {
                return -1;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Matcher m = Pattern.compile("\"statistic\":\"" + statistic + "\",\"value\":([0-9.E+-]+)").matcher(r.body());
            assertThat(m.find()).as(r.body()).isTrue();
            return Double.parseDouble(m.group(1));
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        /** SIGTERM, as Kubernetes stops a pod; returns once the JVM has exited. */
        void terminate() throws Exception {
            process.destroy();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("stopped within 120 s").isTrue();
        }
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 180 s for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long count(TestDatabase db, String sql) {
        try {
            return db.queryLong(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}\\]]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1).replace("\"", "");
    }

    private static void backgroundModeOnARealApplication(App app, TestDatabase db) throws Exception {
        Files.writeString(app.downFile(), "");
        Running first = app.start(db, "run1.log");
        try {
            // migrate queued the job and startup did not wait: the application answers with no row updated yet
            assertThat(count(db, "SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isOne();
            HttpResponse<String> health = first.get("/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            Thread.sleep(3_000);
            assertThat(count(db, "SELECT count(*) FROM orders WHERE touched <> 0")).as("no batch while health is DOWN").isZero();
            assertThat(first.log()).contains("orders-status: waiting: application health is DOWN");
            String zdm = first.zdm();
            assertThat(field(zdm, "id")).isEqualTo("orders-status");
            assertThat(field(zdm, "state")).isEqualTo("running");
            assertThat(field(zdm, "mode")).isEqualTo("background");
            assertThat(field(zdm, "rowsDone")).isEqualTo("0");
            assertThat(field(zdm, "outcome")).isEqualTo("success");
            assertThat(zdm).contains("V2 'queue orders status'").contains("\"table\":");
            assertThat(first.metric("zdm.backfill.rows", "COUNT", null)).as("no batch yet").isEqualTo(-1);

            Files.delete(app.downFile());
            waitFor(() -> count(db, "SELECT count(*) FROM orders WHERE touched = 1") >= 1_000, "the worker to go on once UP");
            assertThat(first.metric("zdm.backfill.waits", "COUNT", "reason:application")).isGreaterThanOrEqualTo(1);
            assertThat(first.metric("zdm.backfill.waits", "TOTAL_TIME", "reason:application")).as("seconds waited").isGreaterThanOrEqualTo(2.5);
            assertThat(first.metric("zdm.backfill.rows", "COUNT", "id:orders-status")).isGreaterThanOrEqualTo(1_000);
            String running = first.zdm();
            assertThat(Double.parseDouble(field(running, "progressPercent"))).isGreaterThan(0).isLessThan(100);
            assertThat(field(running, "holders")).contains("chunk");
        } finally {
            first.terminate();
        }
        // SIGTERM: the batch under way committed, no batch after, the instance's chunks freed at once
        long afterStop = count(db, "SELECT count(*) FROM orders WHERE touched = 1");
        assertThat(afterStop).as("stopped mid-way").isLessThan(ROWS);
        assertThat(count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).as("chunks freed").isZero();
        assertThat(count(db, "SELECT sum(rows_done) FROM zdm_backfill_chunks")).as("checkpoints match the rows").isEqualTo(afterStop);
        assertThat(count(db, "SELECT count(*) FROM orders WHERE touched > 1")).isZero();
        assertThat(first.log()).doesNotContain("Exception");

        Running second = app.start(db, "run2.log");
        try {
            assertThat(count(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).as("queued once").isOne();
            waitFor(() -> count(db, "SELECT count(*) FROM zdm_backfill_progress WHERE status = 'done'") == 1, "the restarted instance to finish");
            String done = second.zdm();
            assertThat(field(done, "state")).isEqualTo("done");
            assertThat(field(done, "progressPercent")).isEqualTo("100.0");
            assertThat(field(done, "rowsDone")).isEqualTo(String.valueOf(ROWS));
            assertThat(second.metric("zdm.backfill.rows", "COUNT", "id:orders-status")).as("this instance's rows")
                    .isEqualTo(ROWS - afterStop);
            assertThat(second.metric("zdm.backfill.batch", "COUNT", null)).isGreaterThanOrEqualTo(Math.ceil((ROWS - afterStop) / 100.0));
            assertThat(second.metric("zdm.backfill.batch.size", "TOTAL", null)).isGreaterThanOrEqualTo(ROWS - afterStop);
        } finally {
            second.terminate();
        }
        assertThat(count(db, "SELECT count(*) FROM orders WHERE touched <> 1 OR status IS NULL")).as("every row exactly once").isZero();
    }

    @Test
    void boot35RunsTheBackfillInTheBackgroundWithActuatorAndMetrics(TestDatabase db) throws Exception {
        App app = App.build("boot35-background", System.getProperty("zdm.it.boot3.version"), "org.springframework.boot.actuate.health");
        backgroundModeOnARealApplication(app, db);
    }

    @Test
    void boot40RunsTheBackfillInTheBackgroundWithActuatorAndMetrics(TestDatabase db) throws Exception {
        App app = App.build("boot40-background", System.getProperty("zdm.it.boot4.version"), "org.springframework.boot.health.contributor",
                dependency("org.springframework.boot", "spring-boot-starter-flyway", null));
        backgroundModeOnARealApplication(app, db);
    }
}
