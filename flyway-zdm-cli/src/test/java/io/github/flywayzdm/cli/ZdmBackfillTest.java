package io.github.flywayzdm.cli;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.BackfillWorker;
import io.github.flywayzdm.backfill.HealthCheck;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zdm backfill ...} on a real PostgreSQL: the worker, the status board and the controls. */
@WithPostgres
class ZdmBackfillTest {

    private static ZdmTest.Result zdm(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Zdm.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
        return new ZdmTest.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> env(TestDatabase db) {
        return Map.of("ZDM_JDBC_URL", db.jdbcUrl(), "ZDM_USER", db.user(), "ZDM_PASSWORD", db.password());
    }

    static void queue(TestDatabase db, BackfillOptions options) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)",
                "INSERT INTO orders (id) SELECT g FROM generate_series(1, 5000) g", "ANALYZE orders");
        try (Connection c = db.connect()) {
            Backfill.of("orders").key("id").set("status = 'pending', touched = touched + 1").where("status IS NULL")
                    .verify("status IS NULL").id("orders-status").options(options).build().enqueue(c);
        }
    }

    @Test
    void statusControlsAndRunWorkTheQueuedJobAndNeverPrintTheConnection(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults().withBatchSize(200, 10, 1_000).withHealthCheck(HealthCheck.none()).withWorkers(2));
        Map<String, String> env = env(db);

        ZdmTest.Result queued = zdm(env, "backfill", "status");
        assertThat(queued.exit()).as(queued.err()).isZero();
        assertThat(queued.out()).contains("orders-status  \"orders\"  background  running  0.0%  0 rows").contains("chunks 0/8");

        assertThat(zdm(env, "backfill", "pause", "orders-status").out()).contains("paused");
        assertThat(zdm(env, "backfill", "status").out()).contains("  paused  ");
        ZdmTest.Result nothing = zdm(env, "backfill", "run");
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.out()).contains("No background backfill to run");
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 0")).isZero();
        ZdmTest.Result wrong = zdm(env, "backfill", "retry", "orders-status");
        assertThat(wrong.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(wrong.err()).isEqualTo("zdm: backfill retry: cannot retry backfill 'orders-status': it is paused (only failed)\n");
        assertThat(zdm(env, "backfill", "resume", "orders-status").exit()).isZero();

        ZdmTest.Result run = zdm(env, "backfill", "run", "--no-health-check", "--threads", "3");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("complete").contains("verified: no row left");
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();

        ZdmTest.Result done = zdm(env, "backfill", "status", "orders-status");
        assertThat(done.out()).contains("  done  100.0%  5,000 rows").contains("ETA -").contains("chunks 8/8");
        assertThat(zdm(env, "backfill", "cancel", "orders-status").err()).contains("it is done");
        for (ZdmTest.Result r : new ZdmTest.Result[] {queued, nothing, run, done}) {
            assertThat(r.out() + r.err()).doesNotContain(db.jdbcUrl());
            if (!db.password().isEmpty()) {
                assertThat(r.out() + r.err()).doesNotContain(db.password());
            }
        }
    }

    @Test
    void statusShowsTheLiveHoldersOfAJobBeingWorked(TestDatabase db) throws Exception {
        queue(db, BackfillOptions.defaults().withBatchSize(10, 10, 10).withPause(Duration.ofMillis(200)).withHealthCheck(HealthCheck.none()));
        BackfillWorker worker = BackfillWorker.create(db.dataSource()).healthCheck(HealthCheck.none()).start();
        try {
            String out = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(out.contains("holders: chunk ") && java.util.regex.Pattern.compile("rows/s recent  ETA [0-9]").matcher(out).find())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
                out = zdm(env(db), "backfill", "status").out();
            }
            assertThat(out).contains("    holders: chunk 0: pid ").containsPattern("[0-9.]+% +[1-9][0-9,]* rows +[1-9][0-9,]* rows/s avg +[1-9][0-9,]* rows/s recent +ETA [0-9hms]+");
            String once = zdm(env(db), "backfill", "status", "--sample", "0").out();
            assertThat(once).as("no second reading").contains("rows/s avg  ETA ").doesNotContain("recent");
        } finally {
            assertThat(worker.stop()).isTrue();
        }
        assertThat(zdm(env(db), "backfill", "status").out()).as("a stopped worker holds nothing").doesNotContain("holders:");
    }

    @Test
    void aMissingOrWrongConnectionIsOneLineWithoutTheSecret(TestDatabase db) {
        ZdmTest.Result none = zdm(Map.of(), "backfill", "status");
        assertThat(none.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(none.err()).isEqualTo("zdm: No database: give --jdbc-url or set ZDM_JDBC_URL\n");
        ZdmTest.Result bad = zdm(Map.of("ZDM_JDBC_URL", db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "password=s3cr3t-pw",
                "ZDM_USER", "nobody"), "backfill", "status");
        assertThat(bad.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(bad.err()).startsWith("zdm: backfill status: ").doesNotContain("s3cr3t-pw").hasLineCount(1);
        assertThat(zdm(Map.of(), "backfill", "pause").err()).contains("needs the backfill's ID");
        assertThat(zdm(env(db), "backfill", "frobnicate").err()).contains("Unknown backfill subcommand");
        ZdmTest.Result negative = zdm(env(db), "backfill", "status", "--sample", "-1");
        assertThat(negative.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(negative.err()).contains("'--sample': -1 is negative").hasLineCount(1);
    }

    @Test
    void theTablesCanLiveInAnotherSchema(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA ops");
        queue(db, BackfillOptions.defaults().withCheckpointSchema("ops").withHealthCheck(HealthCheck.none()));
        assertThat(db.queryLong("SELECT count(*) FROM ops.zdm_backfill_jobs")).isEqualTo(1);
        assertThat(zdm(env(db), "backfill", "status").out()).isEqualTo("No backfill recorded in this database\n");
        ZdmTest.Result run = zdm(env(db), "backfill", "run", "--schema", "ops", "--no-health-check");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
        assertThat(zdm(env(db), "backfill", "status", "--schema", "ops").out()).contains("orders-status  \"orders\"  background  done  100.0%");
    }
}
