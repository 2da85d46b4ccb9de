package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.HealthCheck;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Spring Boot application with zdm.backfill.worker.enabled works the queued background backfill. */
@WithPostgres
class ZdmBackfillWorkerTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private static void queue(TestDatabase db, BackfillOptions options) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)",
                "INSERT INTO orders (id) SELECT g FROM generate_series(1, 5000) g");
        try (Connection c = db.connect()) {
            Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1").where("status IS NULL")
                    .id("orders-status").options(options).build().enqueue(c);
        }
    }

    private static ConfigurableApplicationContext run(TestDatabase db, String... extra) {
        List<String> props = new ArrayList<>(List.of("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(), "spring.flyway.enabled=false",
                "zdm.backfill.worker.poll-interval=100ms"));
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(props.toArray(String[]::new)).run();
    }

    private static void waitFor(TestDatabase db, String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (db.queryLong(sql) == 0) {
            assertThat(System.nanoTime()).as("waited 60 s for: " + sql).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void theReadyApplicationFinishesTheQueuedJobExactlyOnce(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults().withBatchSize(100, 10, 1_000).withHealthCheck(HealthCheck.none()).withWorkers(2));
        try (ConfigurableApplicationContext ctx = run(db, "zdm.backfill.worker.enabled=true", "zdm.backfill.worker.threads=2")) {
            assertThat(ctx.getBean(ZdmBackfillWorkerBean.class).isStarted()).isTrue();
            waitFor(db, "SELECT count(*) FROM zdm_backfill_progress WHERE status = 'done'");
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void closingTheContextStopsTheWorkerAndFreesItsChunks(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults().withBatchSize(10, 10, 10).withPause(Duration.ofMillis(100)));
        try (ConfigurableApplicationContext ctx = run(db, "zdm.backfill.worker.enabled=true")) {
            waitFor(db, "SELECT count(*) FROM orders WHERE touched = 1");
        }
        long done = db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
        Thread.sleep(500);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 1")).as("no batch after the context closed").isEqualTo(done);
        assertThat(done).isLessThan(5_000);
        assertThat(db.queryLong("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).as("chunks freed").isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");
        assertThat(db.queryLong("SELECT sum(rows_done) FROM zdm_backfill_chunks")).isEqualTo(done);
    }

    @Test
    void whileTheApplicationRefusesTrafficNoBatchRuns(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults().withBatchSize(10, 10, 10).withPause(Duration.ofMillis(50)).withHealthCheck(HealthCheck.none()));
        try (ConfigurableApplicationContext ctx = run(db, "zdm.backfill.worker.enabled=true")) {
            waitFor(db, "SELECT count(*) FROM orders WHERE touched = 1");
            AvailabilityChangeEvent.publish(ctx, ReadinessState.REFUSING_TRAFFIC);
            Thread.sleep(2_500); // the batch under way ends; readiness is read at most once a second
            long before = db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
            Thread.sleep(1_500);
            assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 1")).as("no batch while refusing traffic").isEqualTo(before);
            assertThat(before).isLessThan(5_000);
            AvailabilityChangeEvent.publish(ctx, ReadinessState.ACCEPTING_TRAFFIC);
            waitFor(db, "SELECT (count(*) > " + before + ")::int FROM orders WHERE touched = 1");
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).isZero();
    }

    @Test
    void withPauseWhenUnhealthyOffReadinessIsIgnored(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults().withBatchSize(100, 10, 1_000).withHealthCheck(HealthCheck.none()));
        try (ConfigurableApplicationContext ctx = run(db, "zdm.backfill.worker.enabled=true", "zdm.backfill.worker.pause-when-unhealthy=false")) {
            AvailabilityChangeEvent.publish(ctx, ReadinessState.REFUSING_TRAFFIC);
            waitFor(db, "SELECT count(*) FROM zdm_backfill_progress WHERE status = 'done'");
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void waitReasonsBecomeAFewTagValues() {
        assertThat(ZdmBackfillMetrics.kind("replica lag 12.5 s > 10000 ms")).isEqualTo("lag");
        assertThat(ZdmBackfillMetrics.kind("2 session(s) waiting on a lock for more than 5000 ms (longest 7.1 s)")).isEqualTo("locks");
        assertThat(ZdmBackfillMetrics.kind("paused by an operator")).isEqualTo("paused");
        assertThat(ZdmBackfillMetrics.kind("application health is DOWN")).isEqualTo("application");
        assertThat(ZdmBackfillMetrics.kind("application readiness is REFUSING_TRAFFIC")).isEqualTo("application");
        assertThat(ZdmBackfillMetrics.kind("business hours")).isEqualTo("other");
    }

    @Test
    void withoutThePropertyThereIsNoWorker(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults());
        try (ConfigurableApplicationContext ctx = run(db)) {
            assertThat(ctx.getBeansOfType(ZdmBackfillWorkerBean.class)).isEmpty();
        }
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 0")).isZero();
    }
}
