package io.github.flywayzdm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar as users run it: {@code java -jar flyway-zdm-cli.jar ...} in a separate process. */
class ZdmJarIT {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run java(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        return java(List.of(), env, stdin, args);
    }

    private Run java(List<String> jvm, Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("zdm.cli.jar");
        assertThat(jar).as("zdm.cli.jar system property (set by failsafe)").isNotNull();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void exitCodesStreamsAndTheFlywayDefaultLocation() throws Exception {
        Path db = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
        Files.writeString(db.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, c text);");

        Run clean = java(Map.of(), "", "lint");
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).startsWith("1 file, 1 statement: 0 errors");

        Files.writeString(db.resolve("V2__idx.sql"), "SET lock_timeout = '2s';\nCREATE UNIQUE INDEX t_c ON t (c);");
        Run unsafe = java(Map.of(), "", "lint");
        assertThat(unsafe.exit()).isEqualTo(1);
        assertThat(unsafe.out()).contains("src/main/resources/db/migration/V2__idx.sql:2:1: error[create-index-non-concurrent]");
        assertThat(unsafe.out()).doesNotContain("\u001B[");

        Run github = java(Map.of("GITHUB_ACTIONS", "true"), "", "lint");
        assertThat(github.out()).startsWith("::error file=src/main/resources/db/migration/V2__idx.sql,line=2,col=1,");
        assertThat(github.err()).startsWith("zdm: 2 files, 3 statements: 1 error");

        Run stdin = java(Map.of(), "ALTER TABLE t ADD COLUMN d timestamptz DEFAULT clock_timestamp();", "lint", "-");
        assertThat(stdin.exit()).isEqualTo(1);
        assertThat(stdin.out()).contains("<stdin>:1:1: error[add-column-volatile-default]");

        Run missing = java(Map.of(), "", "lint", "no/such/dir");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("zdm: no/such/dir: no such file or directory\n");
        assertThat(missing.out()).isEmpty();

        assertThat(java(Map.of(), "", "--version").out()).isEqualTo("zdm 0.1.0-SNAPSHOT\n");
    }

    @Test
    void aPasswordInTheTraceUrlIsNeverPrinted() throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);");
        for (String url : List.of("postgres://app:Hunter2pw@localhost/db", "jdbc:postgres://app:Hunter2pw@localhost/db",
                "jdbc:postgresql://app:Hunter2pw@localhost:1/db", "jdbc:postgresql://localhost:1/db?user=app&password=Hunter2pw")) {
            Run r = java(Map.of(), "", "trace", "--jdbc-url", url, "db");
            assertThat(r.exit()).as(url + ": " + r.err()).isEqualTo(2);
            assertThat(r.out() + r.err()).as(url).doesNotContain("Hunter2pw").contains("***");
            assertThat(r.err().lines().count()).as(r.err()).isOne();
        }
        Run typo = java(Map.of(), "", "trace", "--jdbc-url", "jdbc:postgres://app:Hunter2pw@localhost/db", "db");
        assertThat(typo.err()).contains("jdbc:postgresql://");
    }

    /** Start-up work only for what the command needs, seen in the JVM's class-loading log. */
    @Test
    void lintLoadsNoTraceServerOrDriverAndVersionNoLinter() throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, c text);\nALTER TABLE t ADD COLUMN d int;\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_c ON t (c);\nUPDATE t SET c = 'x' WHERE id = 1;\n");
        Path log = dir.resolve("classes.log");
        Run lint = java(List.of("-Xlog:class+load=info:file=" + log), Map.of(), "", "lint", "db");
        assertThat(lint.exit()).as(lint.err()).isZero();
        String loaded = Files.readString(log);
        assertThat(loaded).contains("io.github.flywayzdm.lint.Linter ")
                .doesNotContain("io.github.flywayzdm.trace.").doesNotContain("io.zonky.").doesNotContain("org.postgresql.")
                .doesNotContain("jsqlparser.").doesNotContain("picocli.");

        // a view's sources are read only when a rule asks; a plain query is known valid without parsing
        Files.writeString(db.resolve("V2__v.sql"), "CREATE TABLE t1 (id bigint PRIMARY KEY);\nCREATE VIEW v AS SELECT id FROM t;\nSELECT count(*) FROM t1;\n");
        assertThat(java(List.of("-Xlog:class+load=info:file=" + log), Map.of(), "", "lint", "db").exit()).isZero();
        assertThat(Files.readString(log)).contains("io.github.flywayzdm.lint.Linter ")
                .doesNotContain("io.github.flywayzdm.lint.shaded.jsqlparser.").doesNotContain("net.sf.jsqlparser.");

        Files.writeString(db.resolve("V3__q.sql"), "SELECT id FROM t UNION SELECT 1;\n");
        assertThat(java(List.of("-Xlog:class+load=info:file=" + log), Map.of(), "", "lint", "db").exit()).isZero();
        assertThat(Files.readString(log)).as("a query outside the plain shape is checked by JSqlParser, the relocated copy only")
                .contains("io.github.flywayzdm.lint.shaded.jsqlparser.").doesNotContain("net.sf.jsqlparser.")
                .doesNotContain("io.github.flywayzdm.trace.");

        Run version = java(List.of("-Xlog:class+load=info:file=" + log), Map.of(), "", "--version");
        assertThat(version.out()).startsWith("zdm ");
        assertThat(Files.readString(log)).doesNotContain("io.github.flywayzdm.lint.Linter ").doesNotContain("jsqlparser.");
    }
}
