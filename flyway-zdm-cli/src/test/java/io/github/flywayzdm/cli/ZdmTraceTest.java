package io.github.flywayzdm.cli;

import io.github.flywayzdm.embedded.PgVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zdm trace} on embedded servers (the run's selected major, and 13 for the comparison). */
class ZdmTraceTest {

    @TempDir
    Path dir;

    private ZdmTest.Result zdm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Zdm.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
        return new ZdmTest.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String db() throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        Files.writeString(db.resolve("V2__index.sql"), "CREATE INDEX orders_status ON orders (status);");
        return db.toString();
    }

    @Test
    void traceShowsWhatEachStatementLockedAndFailsOnDangers() throws Exception {
        String major = String.valueOf(PgVersions.selectedMajor());
        ZdmTest.Result r = zdm("trace", "--pg-version", major, "--seed-rows", "1000", db());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).startsWith("flyway-zdm lock trace on PostgreSQL " + major + ".")
                .contains("db/V2__index.sql:1  CREATE INDEX orders_status ON orders (status)")
                .contains("    lock     ShareLock on public.orders (table, held ")
                .contains("    trace    error[trace-index-build-blocks-writes]")
                .contains("note: seeded public.orders with 1000 rows");

        Path sarif = dir.resolve("trace.sarif");
        ZdmTest.Result machine = zdm("trace", "--pg-version", major, "--format", "json", "--fail-on", "never", db());
        assertThat(machine.exit()).isEqualTo(ExitCode.CLEAN);
        assertThat(machine.out()).startsWith("{").contains("\"mode\": \"ShareLock\"");
        assertThat(machine.err()).startsWith("zdm: PostgreSQL " + major);
        assertThat(zdm("trace", "--pg-version", major, "--format", "sarif", "-o", sarif.toString(), db()).exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(Files.readString(sarif)).contains("\"ruleId\": \"trace-index-build-blocks-writes\"");
    }

    @Test
    void comparesTwoMajors() throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);");
        Files.writeString(db.resolve("V2__not_null.sql"), "ALTER TABLE orders ADD CONSTRAINT customer_nn NOT NULL customer_id NOT VALID;");
        ZdmTest.Result r = zdm("trace", "--pg-version", "18", "--compare-pg-version", "13", db.toString());
        assertThat(r.out()).contains("Differences between PostgreSQL 18.").contains("db/V2__not_null.sql:1: 18.")
                .contains("| 13.").contains("failed (42601");
    }

    @Test
    void anUnreachableServerIsOneClearLine() throws Exception {
        zdm("trace", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/postgres", "--user", "me", db())
                .assertCleanError("zdm: lock trace: Connection to 127.0.0.1:1 refused");
    }
}
