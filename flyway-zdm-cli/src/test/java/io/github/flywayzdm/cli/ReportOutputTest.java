package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import io.github.flywayzdm.lint.report.TextReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text report rendered on its own thread while the linter goes on, and how a report reaches stdout. */
class ReportOutputTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private static Result zdm(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Zdm.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
        return new Result(exit, stdout.toString(), err.toString(StandardCharsets.UTF_8));
    }

    private static Result zdm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Result r = zdm(out, args);
        return new Result(r.exit(), out.toString(StandardCharsets.UTF_8), r.err());
    }

    /**
     * 120 scripts (more than the engine's analyze-ahead threshold), with findings in most, none in some, suppressed
     * ones, names and SQL with non-Latin-1 text and an escape character, CR line ends.
     */
    private Path history() throws IOException {
        Path db = Files.createDirectories(dir.resolve("db"));
        for (int i = 1; i <= 120; i++) {
            String sql = switch (i % 4) {
                case 0 -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, \"naïve—名\" text);\r\n";
                case 1 -> "SET lock_timeout = '3s';\nCREATE INDEX i" + i + " ON t" + (i - 1) + " (id);\nALTER TABLE t" + (i - 1)
                        + " DROP COLUMN \"naïve—名\";\n";
                case 2 -> "-- zdm:ignore create-index-non-concurrent: small table\nCREATE INDEX j" + i + " ON t" + (i - 2) + " (id);\n"
                        + "ALTER TABLE t" + (i - 2) + " ADD COLUMN \"\u001b[31mred\" int NOT NULL;\n";
                default -> "SELECT 1;\n";
            };
            Files.writeString(db.resolve("V" + i + "__m\u00e9" + i + ".sql"), sql);
        }
        return db;
    }

    private static String withoutElapsed(String report) {
        return report.replaceAll(" in \\d+ ms\n$", "\n");
    }

    @Test
    void theStreamedTextReportIsTheRenderedReportInOrderPlainAndColoured() throws Exception {
        Path db = history();
        LintReport expected = Linter.of(LintConfig.defaults()).lint(MigrationFiles.load(List.of(db)));
        assertThat(expected.findings()).hasSizeGreaterThan(100);
        assertThat(expected.findings()).anyMatch(Finding::suppressed);
        String text = ReportWriter.render(expected, ReportFormat.TEXT);

        Result plain = zdm("lint", "--color", "never", db.toString());
        assertThat(plain.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(withoutElapsed(plain.out())).isEqualTo(withoutElapsed(text));
        assertThat(plain.err()).isEmpty();

        Result coloured = zdm("lint", "--color", "always", db.toString());
        assertThat(withoutElapsed(coloured.out())).isEqualTo(withoutElapsed(Colours.paint(text)));
        assertThat(coloured.out()).contains("\u001B[1;31merror\u001B[0m");
    }

    @Test
    void theTextReportPiecesPutTogetherAreTheWholeReport() throws Exception {
        LintReport report = Linter.of(LintConfig.defaults()).lint(MigrationFiles.load(List.of(history())));
        TextStream stream = new TextStream(false);
        List<Finding> script = new ArrayList<>();
        String file = null;
        for (Finding f : report.findings()) {
            if (file != null && !file.equals(f.file())) {
                stream.accept(List.copyOf(script));
                script.clear();
            }
            file = f.file();
            script.add(f);
        }
        stream.accept(script);
        stream.accept(List.of());
        assertThat(new String(stream.bytes(TextReport.end(report)), StandardCharsets.UTF_8)).isEqualTo(ReportWriter.render(report, ReportFormat.TEXT));
    }

    @Test
    void aRunThatFailsPartWayPrintsItsOneErrorLineAndNoPartialReport() throws Exception {
        Path db = history();
        // the first bad file in Flyway's order is the one reported, with its line
        Files.write(db.resolve("V60__mé60.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', (byte) 0xff, ';'});
        Files.write(db.resolve("V90__mé90.sql"), new byte[] {(byte) 0xc3, (byte) 0x28});
        Result r = zdm("lint", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("zdm: ").contains("V60__mé60.sql:2").doesNotContain("Exception"));
    }

    @Test
    void anAbandonedStreamWritesNothingAndItsThreadEnds() throws Exception {
        LintReport report = Linter.of(LintConfig.defaults()).lint(MigrationFiles.load(List.of(history())));
        TextStream stream = new TextStream(false);
        stream.accept(report.findings());
        stream.abandon();
        stream.writer().join(60_000);
        assertThat(stream.writer().isAlive()).isFalse();
    }

    /** A stdout that refuses every byte: a closed descriptor, a full disk. */
    private static final class Refusing extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public String toString() {
            return "";
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsOneErrorLineAndExitTwoInEveryFormat() throws Exception {
        Path db = history();
        for (String format : List.of("text", "json", "sarif", "github", "gitlab", "junit")) {
            Result r = zdm(new Refusing(), "lint", "--format", format, db.toString());
            assertThat(r.exit()).as(format).isEqualTo(ExitCode.ERROR);
            assertThat(r.err()).as(format).startsWith("zdm: cannot write the report to standard output")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.err().lines().filter(l -> l.contains("cannot write"))).as(format).hasSize(1);
        }
        // a clean run's summary (the text report) is a report too
        Files.writeString(dir.resolve("clean.sql"), "CREATE TABLE c (id bigint);");
        Result clean = zdm(new Refusing(), "lint", dir.resolve("clean.sql").toString());
        assertThat(clean.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(clean.err()).startsWith("zdm: cannot write the report to standard output");
    }

    @Test
    void anUnwritableOutputFileEndsTheWriterThreadToo() throws Exception {
        Path db = history();
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file, not a directory");
        int before = writers();
        Result r = zdm("lint", "--format", "json", "-o", blocked.resolve("report.json").toString(), db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("cannot write the report");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (writers() > before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writers()).isEqualTo(before);
    }

    private static int writers() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("zdm-report-text")).count();
    }

    @Test
    void aRenderingFailureOnTheWriterThreadReachesTheCaller() {
        TextStream stream = new TextStream(false);
        List<Finding> broken = new ArrayList<>();
        broken.add(null);
        stream.accept(broken);
        assertThatThrownBy(() -> stream.bytes("end\n")).isInstanceOf(NullPointerException.class);
    }
}
