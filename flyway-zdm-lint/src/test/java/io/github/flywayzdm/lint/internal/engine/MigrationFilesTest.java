package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationFilesTest {

    @Test
    void loadsSqlFilesRecursivelyWithSidecars(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("sub/V2__b.sql"), "\uFEFFSELECT 2;");
        Files.writeString(dir.resolve("sub/V2__b.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        List<MigrationScript> scripts = MigrationFiles.load(List.of(dir), dir);
        assertThat(scripts).extracting(MigrationScript::path).containsExactly("V1__a.sql", "sub/V2__b.sql");
        assertThat(scripts.get(1).executeInTransaction()).isFalse();
        assertThat(scripts.get(1).content()).isEqualTo("SELECT 2;");
        assertThat(scripts.get(0).executeInTransaction()).isNull();
    }

    @Test
    void manyFilesAreReadInOrderAndTheFirstBadOneInOrderIsReported(@TempDir Path dir) throws Exception {
        // enough files for a second reading thread: the scripts keep the files' order, and of two bad files (and a
        // missing path after them) the error is the first one's, whichever thread read it
        for (int i = 1; i <= 300; i++) {
            Files.writeString(dir.resolve(String.format("V%03d__m.sql", i)), "SELECT " + i + ";");
        }
        List<MigrationScript> scripts = MigrationFiles.load(List.of(dir), dir);
        assertThat(scripts).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(scripts.get(i).path()).isEqualTo(String.format("V%03d__m.sql", i + 1));
            assertThat(scripts.get(i).content()).isEqualTo("SELECT " + (i + 1) + ";");
        }
        Files.write(dir.resolve("V250__m.sql"), new byte[] {(byte) 0xff});
        Files.write(dir.resolve("V020__m.sql"), new byte[] {'S', '\n', (byte) 0xc3});
        for (int run = 0; run < 5; run++) {
            assertThatThrownBy(() -> MigrationFiles.load(List.of(dir, dir.resolve("nope")), dir))
                    .isInstanceOf(LintException.class).hasMessage("V020__m.sql:2: not valid UTF-8 (save the file as UTF-8)");
        }
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir.resolve("nope"), dir), dir))
                .isInstanceOf(LintException.class).hasMessageEndingWith("nope: no such file or directory");
    }

    @Test
    void missingPathIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir.resolve("nope"))))
                .isInstanceOf(LintException.class).hasMessageEndingWith("nope: no such file or directory");
    }

    @Test
    void invalidUtf8NamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("V1__bad.sql");
        Files.write(file, new byte[] {'S', 'E', 'L', ';', '\n', '-', '-', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> MigrationFiles.load(List.of(file), dir))
                .isInstanceOf(LintException.class).hasMessage("V1__bad.sql:2: not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void aSidecarThatIsNotUtf8SaysSoInsteadOfJavasInputLength(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.write(dir.resolve("V1__a.sql.conf"), new byte[] {'#', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir), dir))
                .isInstanceOf(LintException.class).hasMessage("V1__a.sql.conf: not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsTextAndAnEncodedSurrogateIsNot(@TempDir Path dir) throws Exception {
        Path valid = dir.resolve("V1__fffd.sql");
        Files.writeString(valid, "\uFEFFCOMMENT ON TABLE t IS '\uFFFD caf\u00e9';\n", StandardCharsets.UTF_8);
        assertThat(MigrationFiles.load(List.of(valid), dir).get(0).content()).isEqualTo("COMMENT ON TABLE t IS '\uFFFD caf\u00e9';\n");
        Path surrogate = dir.resolve("V2__surrogate.sql");
        // U+FFFD as text on line 1, then a UTF-8-encoded surrogate (invalid) on line 2
        byte[] head = "SELECT '\uFFFD';\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = (byte) 0xED;
        bytes[head.length + 1] = (byte) 0xA0;
        bytes[head.length + 2] = (byte) 0x80;
        bytes[head.length + 3] = '\n';
        Files.write(surrogate, bytes);
        assertThatThrownBy(() -> MigrationFiles.load(List.of(surrogate), dir))
                .isInstanceOf(LintException.class).hasMessage("V2__surrogate.sql:2: not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void unreadableFileIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("V1__locked.sql");
        Files.writeString(file, "SELECT 1;");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(file)) {
            // root reads any file; /proc/self/mem is one that nobody can read from offset 0 (EIO)
            assertThatThrownBy(() -> MigrationFiles.load(List.of(Path.of("/proc/self/mem")), dir))
                    .isInstanceOf(LintException.class).hasMessageStartingWith("/proc/self/mem: cannot read file");
            return;
        }
        assertThatThrownBy(() -> MigrationFiles.load(List.of(file), dir)).hasMessageContaining("permission denied");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aFifoOrDeviceNamedSqlIsRefusedAtOnceNotWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("V2__pipe.sql");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        // no writer ever opens the FIFO: reading it would block this test until the timeout
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir), dir))
                .isInstanceOf(LintException.class).hasMessageStartingWith("V2__pipe.sql: not a regular file");
        assertThatThrownBy(() -> MigrationFiles.load(List.of(fifo), dir))
                .isInstanceOf(LintException.class).hasMessageStartingWith("V2__pipe.sql: not a regular file");
        Path device = Path.of("/dev/zero");
        if (Files.exists(device)) {
            assertThatThrownBy(() -> MigrationFiles.load(List.of(device), dir))
                    .isInstanceOf(LintException.class).hasMessageStartingWith("/dev/zero: not a regular file (a FIFO, socket or device");
        }
    }

    @Test
    void aDanglingLinkInADirectoryIsAnErrorNotASkip(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.createSymbolicLink(dir.resolve("V2__gone.sql"), dir.resolve("moved-away.sql"));
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir), dir))
                .isInstanceOf(LintException.class).hasMessage("V2__gone.sql: no such file");
    }

    @Test
    void badSidecarValueIsAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("V1__a.sql.conf"), "executeInTransaction=maybe");
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir), dir)).hasMessageContaining("V1__a.sql.conf")
                .hasMessageContaining("true or false");
    }

    @Test
    void emptyFilesAndStdinWork(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__empty.sql"), "");
        LintReport report = Linter.withDefaults().lint(MigrationFiles.load(List.of(dir), dir));
        assertThat(report.files()).isEqualTo(1);
        assertThat(report.statements()).isZero();
        assertThat(report.findings()).extracting(f -> f.ruleId() + "@" + f.file() + ":" + f.line())
                .containsExactly("empty-migration@V1__empty.sql:1");
        MigrationScript stdin = MigrationFiles.read("<stdin>", new ByteArrayInputStream("SELECT 1;".getBytes(StandardCharsets.UTF_8)));
        assertThat(stdin.path()).isEqualTo("<stdin>");
    }

    @Test
    void aFiveMegabyteMigrationLints(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("CREATE TABLE big (id bigint PRIMARY KEY, v text);\n");
        while (b.length() < 5_000_000) {
            b.append("INSERT INTO big (id, v) VALUES (").append(b.length()).append(", 'some value; with a semicolon');\n");
        }
        Files.writeString(dir.resolve("V1__big.sql"), b);
        LintReport report = Linter.withDefaults().lint(MigrationFiles.load(List.of(dir), dir));
        assertThat(report.statements()).isGreaterThan(50_000);
        assertThat(report.unparsed()).isZero();
    }
}
