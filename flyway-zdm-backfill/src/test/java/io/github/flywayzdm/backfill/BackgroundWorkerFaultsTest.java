package io.github.flywayzdm.backfill;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.embedded.PgVersions;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.flywayzdm.backfill.BackfillTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under background workers in their own JVMs: a PostgreSQL restart while they run, and a rolling restart of
 * the worker JVMs. A counter column proves every row was updated exactly once, and a watcher that nothing said done
 * while a row was left.
 */
@WithPostgres
class BackgroundWorkerFaultsTest {

    private static final BackfillOptions SLOW = BackfillTest.FAST.withBatchSize(200, 200, 200).withPause(Duration.ofMillis(50))
            .withWorkers(2);

    @Test
    void aServerRestartWhileWorkerJvmsRunIsSurvivedOrFailsLoudlyAndTheJobResumesToExactlyOnce() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startRestartable(PgVersions.selectedMajor())) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(server.jdbcUrl("postgres"));
            ds.setUser(server.user());
            ds.setConnectTimeout(2);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)");
                s.execute("INSERT INTO orders (id) SELECT g FROM generate_series(1, 40000) g");
                BackgroundBackfillTest.job(SLOW).enqueue(c);
            }
            Watcher watcher = new Watcher(ds);
            List<Worker> first = new ArrayList<>();
            try {
                first.add(Worker.start(server.jdbcUrl("postgres"), server.user(), ""));
                first.add(Worker.start(server.jdbcUrl("postgres"), server.user(), ""));
                waitFor(() -> query(ds, "SELECT count(*) FROM orders WHERE touched = 1") >= 3_000);
                server.restart();
                List<Integer> exits = new ArrayList<>();
                for (Worker w : first) {
                    int exit = w.await();
                    exits.add(exit);
                    // reconnected and finished (0), or stopped with the error printed (3): never a silent stop
                    assertThat(exit == 0 || (exit == 3 && w.output().contains("FAILED"))).as("exit %d, output: %s", exit, w.output())
                            .isTrue();
                }
                System.out.println("after the server restart the first workers exited with " + exits); // which path ran
                // whatever the first workers did, a fresh one finishes the rest (a failed job is retried first)
                if (!"done".equals(queryText(ds, "SELECT status FROM zdm_backfill_progress"))) {
                    try (Connection c = ds.getConnection()) {
                        if ("failed".equals(queryText(ds, "SELECT status FROM zdm_backfill_progress"))) {
                            BackfillJobs.in(null).retry(c, "orders-status");
                        }
                    }
                    Worker again = Worker.start(server.jdbcUrl("postgres"), server.user(), "");
                    assertThat(again.await()).as(again.output()).isZero();
                }
            } finally {
                watcher.stop();
                first.forEach(Worker::kill);
            }
            assertThat(watcher.lie()).as("reported done while rows were left").isNull();
            assertThat(query(ds, "SELECT count(*) FROM orders WHERE touched = 0")).as("never updated").isZero();
            assertThat(query(ds, "SELECT count(*) FROM orders WHERE touched > 1")).as("updated twice").isZero();
            assertThat(queryText(ds, "SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
            assertThat(query(ds, "SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(40_000);
        }
    }

    @Test
    void aRollingRestartOfTheWorkerJvmsUpdatesEveryRowExactlyOnce(TestDatabase db) throws Exception {
        BackfillTest.ordersTable(db, 70_000);
        long rows = db.queryLong("SELECT count(*) FROM orders");
        try (Connection c = db.connect()) {
            BackgroundBackfillTest.job(SLOW.withBatchSize(100, 100, 100).withPause(Duration.ofMillis(100)).withWorkers(3)).enqueue(c);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        Watcher watcher = new Watcher(ds);
        List<Worker> live = new ArrayList<>();
        int restarts = 0;
        try {
            for (int i = 0; i < 3; i++) {
                live.add(Worker.start(db.jdbcUrl(), db.user(), db.password()));
            }
            // one instance at a time goes away (SIGTERM or SIGKILL, as a rollout does) and a new one comes up
            for (int round = 0; round < 4; round++) {
                long before = touched(db);
                waitFor(() -> touched(db) >= before + 1_500);
                if (touched(db) > rows - 10_000) {
                    break; // keep the last stretch for the final set of workers
                }
                Worker old = live.remove(0);
                if (round % 2 == 0) {
                    old.kill();
                } else {
                    old.terminate();
                }
                restarts++;
                live.add(Worker.start(db.jdbcUrl(), db.user(), db.password()));
            }
            for (Worker w : live) {
                assertThat(w.await()).as(w.output()).isZero();
            }
        } finally {
            watcher.stop();
            live.forEach(Worker::kill);
        }
        assertThat(restarts).as("instances restarted before the end").isGreaterThanOrEqualTo(2);
        assertThat(watcher.lie()).as("reported done while rows were left").isNull();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched = 0")).as("never updated").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).as("updated twice").isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("done");
        assertThat(db.queryLong("SELECT rows_done FROM zdm_backfill_progress")).isEqualTo(rows);
    }

    /** A worker JVM with its output kept in a file. */
    private record Worker(Process process, File log) {

        static Worker start(String url, String user, String password) throws Exception {
            File log = File.createTempFile("zdm-worker-", ".log");
            log.deleteOnExit();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    BackfillWorkerChild.class.getName(), url, user, password, "2"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            return new Worker(p, log);
        }

        int await() throws Exception {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("worker ended; output: %s", output()).isTrue();
            return process.exitValue();
        }

        void kill() {
            process.destroyForcibly(); // SIGKILL
            waitQuietly();
        }

        void terminate() {
            process.destroy(); // SIGTERM
            waitQuietly();
        }

        private void waitQuietly() {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String output() {
            try {
                return Files.readString(log.toPath());
            } catch (Exception e) {
                return "(no output: " + e + ")";
            }
        }
    }

    /** Checks, over and over, that the job never says done while a row is untouched; survives server restarts. */
    private static final class Watcher {
        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final AtomicReference<String> lie = new AtomicReference<>();
        private final Thread thread;

        Watcher(PGSimpleDataSource ds) {
            thread = new Thread(() -> {
                while (watching.get()) {
                    // one statement, one snapshot: the status and the rows left as of the same moment
                    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                        while (watching.get()) {
                            try (ResultSet rs = s.executeQuery("SELECT (SELECT status FROM zdm_backfill_progress), "
                                    + "(SELECT count(*) FROM orders WHERE touched = 0)")) {
                                rs.next();
                                if ("done".equals(rs.getString(1)) && rs.getLong(2) > 0) {
                                    lie.compareAndSet(null, "done with " + rs.getLong(2) + " rows left");
                                }
                            }
                            Thread.sleep(20);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception serverGone) {
                        BackfillTest.sleep(100);
                    }
                }
            }, "done-watcher");
            thread.start();
        }

        void stop() throws InterruptedException {
            watching.set(false);
            thread.join();
        }

        String lie() {
            return lie.get();
        }
    }

    private static long touched(TestDatabase db) throws Exception {
        return db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
    }

    private static long query(PGSimpleDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static String queryText(PGSimpleDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
