package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.Linter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ZdmTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        /** Tool errors must be one clear line, never a stack trace. */
        void assertCleanError(String expected) {
            assertThat(exit).as(err).isEqualTo(ExitCode.ERROR);
            assertThat(err).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(err.lines().count()).as(err).isLessThanOrEqualTo(2);
        }
    }

    private Result zdm(Map<String, String> env, boolean tty, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Zdm.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, tty);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result zdm(String... args) {
        return zdm(Map.of(), false, "", args);
    }

    private Path migrations(String... nameThenSql) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        for (int i = 0; i < nameThenSql.length; i += 2) {
            Files.writeString(db.resolve(nameThenSql[i]), nameThenSql[i + 1]);
        }
        return db;
    }

    private Path unsafe() throws Exception {
        return migrations("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text);",
                "V2__idx.sql", "SET lock_timeout = '3s';\nCREATE INDEX t_c ON t (c);\nALTER TABLE t DROP COLUMN c;");
    }

    @Test
    void aCleanDirectoryExitsZeroWithASummary() throws Exception {
        Path db = migrations("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);");
        Result r = zdm("lint", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(r.out()).startsWith("1 file, 1 statement: 0 errors, 0 warnings, 0 info in ");
    }

    @Test
    void findingsAtTheThresholdExitOneInCompilerStyle() throws Exception {
        Result r = zdm("lint", unsafe().toString());
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("db/V2__idx.sql:2:1: error[create-index-non-concurrent] ")
                .contains("db/V2__idx.sql:3:1: warning[drop-column] ")
                .contains("    = fix: CREATE INDEX CONCURRENTLY")
                .contains("1 error, 1 warning");
    }

    @Test
    void theThresholdAndRuleLevelsDecideTheExitCode() throws Exception {
        String db = unsafe().toString();
        assertThat(zdm("lint", "--fail-on", "never", db).exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(zdm("lint", "--rule", "create-index-non-concurrent=warning", db).exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(zdm("lint", "--rule", "create-index-non-concurrent=warning", "--fail-on", "warning", db).exit())
                .isEqualTo(ExitCode.FINDINGS);
        Result off = zdm("lint", "--rule", "create-index-non-concurrent=off", "--rule", "drop-column=off", db);
        assertThat(off.exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(off.out()).contains("0 errors, 0 warnings");
    }

    @Test
    void everyFormatGoesToTheOutputFileWhileStdoutKeepsTheTextReport() throws Exception {
        String db = unsafe().toString();
        for (String format : List.of("json", "sarif", "junit", "github", "gitlab", "text")) {
            Path file = dir.resolve("reports/zdm." + format);
            Result r = zdm("lint", "--format", format, "--output", file.toString(), db);
            assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
            assertThat(r.out()).contains("error[create-index-non-concurrent]");
            assertThat(Files.readString(file)).contains("create-index-non-concurrent");
        }
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("reports/zdm.junit").toFile());
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("reports/zdm.sarif"))).contains("\"version\": \"2.1.0\"");
    }

    @Test
    void machineFormatsOnStdoutKeepTheSummaryOnStderr() throws Exception {
        Result r = zdm("lint", "--format", "json", unsafe().toString());
        assertThat(r.out()).startsWith("{").contains("\"errors\": 1");
        assertThat(r.err()).startsWith("zdm: 2 files, 4 statements: 1 error, 1 warning");
    }

    @Test
    void githubActionsGetAnnotationsByDefault() throws Exception {
        Result r = zdm(Map.of("GITHUB_ACTIONS", "true"), false, "", "lint", unsafe().toString());
        assertThat(r.out()).contains("::error file=").contains("title=create-index-non-concurrent::")
                .contains("::warning file=");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void stdinIsLintedWhenThePathIsADash() {
        Result r = zdm(Map.of(), false, "ALTER TABLE accounts ALTER COLUMN id TYPE bigint;", "lint", "-");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("<stdin>:1:1: error[alter-column-type-rewrite]");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() throws Exception {
        String db = unsafe().toString();
        assertThat(zdm(Map.of(), true, "", "lint", db).out()).contains("\u001B[1;31merror\u001B[0m");
        assertThat(zdm(Map.of(), false, "", "lint", db).out()).doesNotContain("\u001B[");
        assertThat(zdm(Map.of("NO_COLOR", "1"), true, "", "lint", db).out()).doesNotContain("\u001B[");
        assertThat(zdm(Map.of("NO_COLOR", "1"), false, "", "lint", "--color", "always", db).out()).contains("\u001B[1;33mwarning");
    }

    @Test
    void explainAndListRules() {
        Result explain = zdm("lint", "--explain", "set-not-null-scan");
        assertThat(explain.exit()).isZero();
        assertThat(explain.out()).startsWith("set-not-null-scan (").contains("Why:").contains("Safe alternative:")
                .contains("-- zdm:ignore set-not-null-scan: ");
        Result list = zdm("lint", "--list-rules");
        assertThat(list.out().lines().filter(l -> l.matches("^[a-z0-9-]+ +(error|warning|info) +.+"))).hasSize(Linter.rules().size());
        zdm("lint", "--explain", "no-such-rule").assertCleanError("zdm: unknown rule 'no-such-rule'");
    }

    @Test
    void aConfigFileSetsTheSameThingsAsTheFlags() throws Exception {
        Path config = Files.writeString(dir.resolve("zdm.properties"), "fail-on = warning\nrule.create-index-non-concurrent = off\n");
        Result r = zdm("lint", "--config", config.toString(), unsafe().toString());
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).doesNotContain("create-index-non-concurrent").contains("warning[drop-column]");
        Files.writeString(config, "fail-on = warning\npg-version = eleven\n");
        zdm("lint", "--config", config.toString(), unsafe().toString()).assertCleanError(config + ":2: pg-version must be");
    }

    @Test
    void placeholdersAreSubstituted() throws Exception {
        Path db = migrations("V1__t.sql", "CREATE TABLE ${schema}.t (id bigint PRIMARY KEY);");
        assertThat(zdm("lint", db.toString()).out()).contains("unresolved-placeholder");
        assertThat(zdm("lint", "-P", "schema=app", db.toString()).out()).doesNotContain("unresolved-placeholder");
    }

    @Test
    void badInputIsOneClearLineWithExitTwo() throws Exception {
        zdm("lint", dir.resolve("missing").toString()).assertCleanError("missing: no such file or directory");
        Path bad = Files.write(dir.resolve("V1__latin1.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', '-', '-', ' ', (byte) 0xE9, '\n'});
        zdm("lint", bad.toString()).assertCleanError("V1__latin1.sql:2: not valid UTF-8");
        zdm("lint", "/proc/self/mem").assertCleanError("/proc/self/mem: cannot read file");
        zdm("lint", "--pg-version", "9", dir.toString()).assertCleanError("must be 10..18, got 9");
        zdm("lint", "--format", "xml", dir.toString()).assertCleanError("Unknown report format 'xml'");
        zdm("lint", "--no-such-option").assertCleanError("Unknown option: '--no-such-option'");
        zdm("lint", "--output", "/proc/version/x.json", "--format", "json", unsafe().toString())
                .assertCleanError("cannot write the report");
        zdm().assertCleanError("Missing command");
    }

    @Test
    void anEmptyFileIsReportedNotSilentlyPassed() throws Exception {
        Path db = migrations("V1__empty.sql", "-- nothing here yet\n");
        Result r = zdm("lint", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(r.out()).contains("db/V1__empty.sql:1:1: warning[empty-migration]");
        assertThat(zdm("lint", "--fail-on", "warning", db.toString()).exit()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void aFiveMegabyteMigrationIsLinted() throws Exception {
        StringBuilder b = new StringBuilder("CREATE TABLE big (id bigint PRIMARY KEY, v text);\n");
        while (b.length() < 5_000_000) {
            b.append("INSERT INTO big (id, v) VALUES (").append(b.length()).append(", 'x; y');\n");
        }
        Path db = migrations("V1__big.sql", b.toString());
        Result r = zdm("lint", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(r.out()).containsPattern("1 file, \\d{5,} statements: 0 errors");
    }

    @Test
    void changedSinceReportsOnlyTheBranchesScripts() throws Exception {
        Path db = migrations("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text);\nCREATE INDEX t_id ON t (id);");
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "base");
        Files.writeString(db.resolve("V2__idx.sql"), "CREATE INDEX t_c ON t (c);");
        Result r = zdm("lint", "--changed-since", "main", db.toString());
        assertThat(r.err()).contains("zdm: 1 of 2 scripts changed since main");
        assertThat(r.out()).contains("V2__idx.sql:1:1: error[create-index-non-concurrent]").doesNotContain("V1__t.sql")
                .contains("1 file, 1 statement");
        zdm("lint", "--changed-since", "nope", db.toString()).assertCleanError("git merge-base nope HEAD failed");
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@t"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void anythingThatLooksLikeAnOptionButIsNoneIsAUsageErrorNeverASilentPass() throws Exception {
        Path db = unsafe();
        for (String arg : List.of("-V2__x.sql", "-h2", "--versions", "-x", "--list-rules=yes")) {
            Result r = zdm("lint", arg, db.toString());
            r.assertCleanError(arg.equals("--list-rules=yes") ? "Option '--list-rules' takes no value" : "Unknown option: '" + arg + "'");
            assertThat(r.err().lines().count()).as(arg).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
        zdm("lint", "--format").assertCleanError("Missing value for option '--format' (FORMAT)");
        zdm("lint", "--rule", "drop-column", db.toString()).assertCleanError("must be ID=LEVEL, got 'drop-column'");
        zdm("lint", "--color", "sometimes", db.toString()).assertCleanError("expected auto, always or never");
        zdm("-V2__x.sql").assertCleanError("Unknown option: '-V2__x.sql'");
        zdm("lnit").assertCleanError("Unknown command: 'lnit'");
        zdm("trace", "--seed-rows", "many", db.toString()).assertCleanError("'many' is not a whole number");

        // after --, a file may be named like an option; -ofile and --name=value are the two attached forms
        Files.writeString(db.resolve("-V3__dash.sql"), "SELECT 1;");
        Result dashed = zdm("lint", "--fail-on=never", "-o" + dir.resolve("r.json"), "--format=json", "--", db.resolve("-V3__dash.sql").toString());
        assertThat(dashed.exit()).as(dashed.err()).isZero();
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"files\": 1");
    }

    @Test
    void onlyReportsTheNamedScriptsButReadsTheWholeHistory() throws Exception {
        Path db = migrations("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text, CONSTRAINT c_nn CHECK (c IS NOT NULL));\nCREATE INDEX t_id ON t (id);",
                "V2__nn.sql", "SET lock_timeout = '2s';\nALTER TABLE t ALTER COLUMN c SET NOT NULL;");
        Result r = zdm("lint", "--only", db.resolve("V2__nn.sql").toString(), db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("1 file, 2 statements: 0 errors");
        Result alone = zdm("lint", db.resolve("V2__nn.sql").toString());
        assertThat(alone.out()).contains("error[set-not-null-scan]");
        zdm("lint", "--only", db.resolve("V9__typo.sql").toString(), db.toString()).assertCleanError("V9__typo.sql: named by --only but not among the scripts read");
    }

    @Test
    void underGitHubActionsAReportFileLeavesAnnotationsOnStdout() throws Exception {
        Path sarif = dir.resolve("zdm.sarif");
        Result r = zdm(Map.of("GITHUB_ACTIONS", "true"), false, "", "lint", "--format", "sarif", "--output", sarif.toString(), unsafe().toString());
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).startsWith("::error file=").doesNotContain("= fix:");
        assertThat(r.err()).startsWith("zdm: 2 files, 4 statements: 1 error, 1 warning");
        assertThat(Files.readString(sarif)).contains("\"version\": \"2.1.0\"");
    }

    @Test
    void helpAndVersion() {
        Result help = zdm("lint", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: zdm lint [OPTIONS] [PATH...]").contains("--changed-since=GIT_REF")
                .contains("-o, --output=FILE").contains("Exit codes:");
        assertThat(zdm("help", "lint").out()).isEqualTo(help.out());
        assertThat(zdm("--help").out()).startsWith("Usage: zdm [-hV] COMMAND").contains("trace");
        assertThat(zdm("lint", "-V").out()).startsWith("zdm ");
        assertThat(zdm(new HashMap<>(), false, "", "--version").out()).startsWith("zdm ");
    }
}
