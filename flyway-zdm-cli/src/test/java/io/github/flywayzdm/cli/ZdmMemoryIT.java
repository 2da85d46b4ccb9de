package io.github.flywayzdm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays within a few times the input: the jar lints a generated 20 MB migration in a JVM whose heap is three
 * times the file, with the findings a large heap gives. Fails when a script's statements start keeping copies of its
 * text or a huge statement is held as tokens again (before that, a 20 MB file of one-line INSERTs needed about 7x).
 */
class ZdmMemoryIT {

    private static final int MEGABYTES = 20;
    private static final String HEAP = "-Xmx" + 3 * MEGABYTES + "m";
    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text, note text);\n";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run lint(String heap, Path... files) throws IOException, InterruptedException {
        String jar = System.getProperty("zdm.cli.jar");
        assertThat(jar).as("zdm.cli.jar system property (set by failsafe)").isNotNull();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-jar", jar, "lint"));
        for (Path f : files) {
            command.add(dir.relativize(f).toString());
        }
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("lint finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** V1 creates the table; the big V2 ends with a blocking index build on it, whose finding must carry the last line. */
    private Path big(String name, Body body) throws IOException {
        Files.writeString(dir.resolve("V1__orders.sql"), ORDERS);
        Path file = dir.resolve(name);
        int lines;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            lines = body.write(w, MEGABYTES * 1_000_000L);
            w.write("CREATE INDEX orders_status ON orders (status);\n");
        }
        this.lastLine = lines + 1;
        return file;
    }

    private int lastLine;

    private interface Body {
        /** Writes about {@code bytes} bytes; returns the lines written. */
        int write(BufferedWriter w, long bytes) throws IOException;
    }

    private void assertLintedWithTheIndexFinding(Path file, Run r, String statements) {
        assertThat(r.err()).doesNotContain("out of memory");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String at = file.getFileName() + ":" + lastLine + ":1: ";
        assertThat(r.out().lines().filter(l -> l.contains(": error[") || l.contains(": warning[") || l.contains(": info["))
                .map(l -> l.substring(0, l.indexOf(']') + 1)))
                .containsExactly(at + "error[create-index-non-concurrent]", at + "warning[missing-lock-timeout]");
        assertThat(r.out()).contains(statements + ", 1 warning, 0 info");
    }

    @Test
    void manyOneLineInserts() throws Exception {
        long[] rows = new long[1];
        Path file = big("V2__inserts.sql", (w, bytes) -> {
            long written = 0;
            int n = 0;
            while (written < bytes) {
                String line = "INSERT INTO orders (id, customer_id, status, note) VALUES (" + n + ", " + n % 1000 + ", 'new', 'note " + n + "');\n";
                w.write(line);
                written += line.length();
                n++;
            }
            rows[0] = n;
            return n;
        });
        Run r = lint(HEAP, dir.resolve("V1__orders.sql"), file);
        assertLintedWithTheIndexFinding(file, r, "2 files, " + (rows[0] + 2) + " statements: 1 error");
    }

    @Test
    void oneInsertOfManyRows() throws Exception {
        Path file = big("V2__values.sql", (w, bytes) -> {
            w.write("INSERT INTO orders (id, customer_id, status, note) VALUES\n");
            long written = 0;
            int n = 0;
            while (written < bytes) {
                String line = "(" + n + ", " + n % 1000 + ", 'new', 'a note about order " + n + " padded with some more text'),\n";
                w.write(line);
                written += line.length();
                n++;
            }
            w.write("(" + n + ", 0, 'last', 'x');\n");
            return n + 2;
        });
        Run r = lint(HEAP, dir.resolve("V1__orders.sql"), file);
        assertLintedWithTheIndexFinding(file, r, "2 files, 3 statements: 1 error");
    }
}
