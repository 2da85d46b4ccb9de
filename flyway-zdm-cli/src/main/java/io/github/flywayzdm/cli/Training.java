package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.report.ReportFormat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of a class-data archive or AOT cache: the launcher sets {@code -Dzdm.cds.training=true} on the
 * JVM that records one, and this lints a bundled history (written to a temporary directory) through the command line
 * in every format, so the archive holds the classes, linked call sites and method profiles of a typical lint whichever
 * command the user ran. Silent; a failure only makes the archive less complete.
 */
final class Training {

    private Training() {
    }

    static void run() {
        Path dir = null;
        try (InputStream in = Training.class.getResourceAsStream("training.sql")) {
            if (in == null) {
                return;
            }
            byte[] history = in.readAllBytes();
            String path = "-";
            try {
                dir = Files.createTempDirectory("zdm-training");
                Files.write(dir.resolve("V1__training.sql"), history);
                path = dir.toString();
            } catch (IOException e) {
                // no writable temp space: standard input trains all but the directory walk
            }
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            for (ReportFormat format : ReportFormat.values()) {
                String name = format.name().toLowerCase(Locale.ROOT);
                Zdm.run(new String[] {"lint", "--format", name, "--fail-on", "never", "--color", "always", path},
                        new ByteArrayInputStream(history), discard, discard, Map.of(), false);
            }
        } catch (Exception | LinkageError e) {
            // an archive without these classes is still correct, only less complete
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (Exception e) {
            // a temporary directory left behind; the OS cleans its temp space
        }
    }
}
