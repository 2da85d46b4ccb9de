package io.github.flywayzdm.backfill;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A background worker in its own JVM ({@link BackfillWorkerChild}, two threads), its output kept in a file. */
record WorkerJvm(Process process, File log) {

    static WorkerJvm start(String url, String user, String password) throws Exception {
        File log = File.createTempFile("zdm-worker-", ".log");
        log.deleteOnExit();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BackfillWorkerChild.class.getName(), url, user, password, "2"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        return new WorkerJvm(p, log);
    }

    /** Waits for the JVM to end on its own (failing the test after 240 s) and returns its exit code. */
    int await() throws Exception {
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("worker ended; output: %s", output()).isTrue();
        return process.exitValue();
    }

    /** SIGKILL, as kill -9 does, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitGone();
    }

    /** SIGTERM, as a rollout does, and waits until it is gone. */
    void terminate() {
        process.destroy();
        awaitGone();
    }

    private void awaitGone() {
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("worker gone after a signal").isTrue();
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
