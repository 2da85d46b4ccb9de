package io.github.flywayzdm.cli;

import io.github.flywayzdm.backfill.BackfillOptions;
import io.github.flywayzdm.backfill.HealthCheck;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar flyway-zdm-cli.jar backfill run} in its own process: a worker with no Flyway on its class path. */
@WithPostgres
class ZdmBackfillJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarRunsAQueuedBackfillWithoutFlyway(TestDatabase db) throws Exception {
        String jar = System.getProperty("zdm.cli.jar");
        assertThat(jar).as("zdm.cli.jar system property (set by failsafe)").isNotNull();
        try (JarFile j = new JarFile(jar)) {
            assertThat(Collections.list(j.entries())).noneMatch(e -> e.getName().startsWith("org/flywaydb/"));
        }
        ZdmBackfillTest.queue(db, BackfillOptions.defaults().withBatchSize(500, 10, 1_000).withHealthCheck(HealthCheck.none()).withWorkers(2));

        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "backfill", "run", "--no-health-check"));
        pb.environment().putAll(ZdmBackfillTest.env(db));
        Path out = dir.resolve("out.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("complete").doesNotContain("NoClassDefFoundError").doesNotContain(db.jdbcUrl());
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched <> 1")).isZero();
    }

    @Test
    void sigtermStopsTheWorkerAfterItsBatchWithItsChunksFreed(TestDatabase db) throws Exception {
        String jar = System.getProperty("zdm.cli.jar");
        ZdmBackfillTest.queue(db, BackfillOptions.defaults().withBatchSize(10, 10, 10).withPause(java.time.Duration.ofMillis(50))
                .withHealthCheck(HealthCheck.none()));
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "backfill", "run"));
        pb.environment().putAll(ZdmBackfillTest.env(db));
        Path out = dir.resolve("out.txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.queryLong("SELECT count(*) FROM orders WHERE touched = 1") < 50) {
            assertThat(System.nanoTime()).as("the worker did not start").isLessThan(deadline);
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM, as Kubernetes sends it
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(output).contains("INCOMPLETE (its worker was stopped");
        long done = db.queryLong("SELECT count(*) FROM orders WHERE touched = 1");
        assertThat(done).isLessThan(5_000);
        assertThat(db.queryLong("SELECT sum(rows_done) FROM zdm_backfill_chunks")).as("every committed batch recorded").isEqualTo(done);
        assertThat(db.queryLong("SELECT count(*) FROM orders WHERE touched > 1")).isZero();
        assertThat(db.queryValue("SELECT status FROM zdm_backfill_progress")).isEqualTo("running");
    }
}
