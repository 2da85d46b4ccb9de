package io.github.flywayzdm.backfill.bench;

import io.github.flywayzdm.backfill.Backfill;
import io.github.flywayzdm.backfill.BackfillOptions;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The ways to fill items.amount_cents that the benchmark compares. Each returns true when it finished within the cap. */
enum Approach {

    /** (a) One statement, one transaction: the throughput ceiling, and every written row stays locked to the end. */
    SINGLE_UPDATE("a", "one UPDATE") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws SQLException {
            return withinCap(backfill, cap, "UPDATE items SET amount_cents = amount * 100 WHERE amount_cents IS NULL");
        }
    },

    /** (b) The article's DO loop: batches of 10,000 with pauses, but all inside the one transaction of the DO block. */
    DO_LOOP("b", "article's DO loop") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws SQLException {
            return withinCap(backfill, cap, """
                    DO $$
                    DECLARE
                      batch_size INT := 10000;
                      total_updated INT := 0;
                    BEGIN
                      LOOP
                        UPDATE items SET amount_cents = amount * 100
                        WHERE id IN (SELECT id FROM items WHERE amount_cents IS NULL LIMIT batch_size FOR UPDATE SKIP LOCKED);
                        GET DIAGNOSTICS total_updated = ROW_COUNT;
                        EXIT WHEN total_updated = 0;
                        PERFORM pg_sleep(0.1);
                      END LOOP;
                    END $$""");
        }
    },

    /** (c) The article's client loop: autocommit batches of 5,000 found by {@code IS NULL LIMIT ... SKIP LOCKED}, 100 ms apart. */
    LIMIT_LOOP("c", "article's IS NULL LIMIT loop") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws SQLException {
            long deadline = System.nanoTime() + cap.toNanos();
            try (Connection c = backfill.getConnection(); Statement s = c.createStatement()) {
                while (System.nanoTime() < deadline) {
                    int rows = s.executeUpdate("""
                            WITH batch AS (SELECT id FROM items WHERE amount_cents IS NULL LIMIT 5000 FOR UPDATE SKIP LOCKED)
                            UPDATE items SET amount_cents = amount * 100 WHERE id IN (SELECT id FROM batch)""");
                    if (rows == 0) {
                        return true;
                    }
                    sleep(Duration.ofMillis(100));
                }
                return false;
            }
        }
    },

    /** (d) flyway-zdm's backfill with its defaults, one worker. */
    ZDM("d", "flyway-zdm backfill") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws SQLException {
            return zdm(backfill, 1);
        }
    },

    /** (d2) The same with two parallel workers. */
    ZDM_TWO_WORKERS("d2", "flyway-zdm backfill, 2 workers") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws SQLException {
            return zdm(backfill, 2);
        }
    },

    /** (w1) A background job (Backfill.enqueue) run by one worker thread in one worker JVM. */
    BACKGROUND_ONE("w1", "background, 1 worker (1 JVM)") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws Exception {
            return background(backfill, cap, 1, 1, System.getProperty("java.class.path"));
        }
    },

    /**
     * (w1-pause) The same as (w1) with a 10 ms pause after every batch (the default before the pause was skipped while
     * the server is green), to measure what the pause does for the traffic side by side.
     */
    BACKGROUND_ONE_PAUSED("w1-pause", "background, 1 worker, 10 ms pause") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws Exception {
            return background(backfill, cap, 1, 1, System.getProperty("java.class.path"), BackfillOptions.defaults().withPause(Duration.ofMillis(10)));
        }
    },

    /**
     * (w1-before) The same as (w1), but the worker JVM runs the main classes in the directory named by
     * {@code -Dbench.before} (an earlier build of this module): before and after side by side in one run.
     */
    BACKGROUND_ONE_BEFORE("w1-before", "background, 1 worker, earlier build") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws Exception {
            // enqueued with the earlier default pause, 10 ms: the job's options travel in the table, not in the build
            return background(backfill, cap, 1, 1, beforeClassPath(), BackfillOptions.defaults().withPause(Duration.ofMillis(10)));
        }
    },

    /** (w2) The same job with 2 workers: 2 JVMs of one thread each. */
    BACKGROUND_TWO("w2", "background, 2 workers (2 JVMs × 1)") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws Exception {
            return background(backfill, cap, 2, 1, System.getProperty("java.class.path"));
        }
    },

    /** (w4) The same job with 4 workers: 2 JVMs of two threads each. */
    BACKGROUND_FOUR("w4", "background, 4 workers (2 JVMs × 2)") {
        @Override
        boolean run(DataSource backfill, Duration cap) throws Exception {
            return background(backfill, cap, 2, 2, System.getProperty("java.class.path"));
        }
    };

    static final String CHECKPOINT_ID = "bench";

    final String label;
    final String title;

    Approach(String label, String title) {
        this.label = label;
        this.title = title;
    }

    abstract boolean run(DataSource backfill, Duration cap) throws Exception;

    /** The approach whose adaptive batch size the observer samples: chunked runs (d2, w*) keep theirs per worker thread. */
    boolean recordsBatchSize() {
        return this == ZDM;
    }

    static Approach byLabel(String label) {
        for (Approach a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no approach " + label + " (a, b, c, d, d2, w1, w1-pause, w1-before, w2, w4)");
    }

    private static boolean zdm(DataSource backfill, int workers) throws SQLException {
        return Backfill.of("items").key("id").set("amount_cents = amount * 100").where("amount_cents IS NULL")
                .id(CHECKPOINT_ID).options(BackfillOptions.defaults().withWorkers(workers)).build().run(backfill).rowsUpdated() >= 0;
    }

    /**
     * Enqueues the job with jvms × threads workers (its chunks: 4 per worker), then starts the worker JVMs
     * ({@link BenchWorker}) and waits for them: the window includes their start-up, as a real deploy's would.
     */
    private static boolean background(DataSource backfill, Duration cap, int jvms, int threads, String classPath) throws Exception {
        return background(backfill, cap, jvms, threads, classPath, BackfillOptions.defaults());
    }

    private static boolean background(DataSource backfill, Duration cap, int jvms, int threads, String classPath,
                                      BackfillOptions options) throws Exception {
        try (Connection c = backfill.getConnection()) {
            Backfill.of("items").key("id").set("amount_cents = amount * 100").where("amount_cents IS NULL")
                    .id(CHECKPOINT_ID).options(options.withWorkers(jvms * threads)).build().enqueue(c);
        }
        PGSimpleDataSource ds = (PGSimpleDataSource) backfill;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < jvms; i++) {
            workers.add(new ProcessBuilder(CorePinning.workerCommand(List.of(java, "-Xmx256m", "-cp", classPath,
                    BenchWorker.class.getName(), ds.getUrl(), ds.getUser(), String.valueOf(threads))))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start());
        }
        long deadline = System.nanoTime() + cap.toNanos();
        boolean finished = true;
        for (Process p : workers) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                finished = false;
            }
        }
        for (Process p : workers) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor();
            } else if (p.exitValue() != 0) {
                finished = false;
            }
        }
        return finished;
    }

    /** This JVM's class path with the module's main classes replaced by {@code -Dbench.before}'s directory. */
    private static String beforeClassPath() {
        String before = System.getProperty("bench.before");
        if (before == null || !Path.of(before).toFile().isDirectory()) {
            throw new IllegalArgumentException("w1-before needs -Dbench.before=<directory of an earlier build's main classes>");
        }
        String own = Path.of("flyway-zdm-backfill", "target", "classes").toString();
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(entry.endsWith(own) ? before : entry);
        }
        if (!entries.contains(before)) {
            throw new IllegalStateException("the class path has no " + own + " to replace: " + System.getProperty("java.class.path"));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Runs one statement with statement_timeout at the cap; false when the cap cancelled (and rolled back) it. */
    private static boolean withinCap(DataSource backfill, Duration cap, String sql) throws SQLException {
        try (Connection c = backfill.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + cap.toMillis());
            try {
                s.execute(sql);
                return true;
            } catch (SQLException e) {
                if ("57014".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
