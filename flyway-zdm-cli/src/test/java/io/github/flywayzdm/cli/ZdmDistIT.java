package io.github.flywayzdm.cli;

import io.github.flywayzdm.testsupport.ServerIndependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The zip/tar.gz distribution as users install it: unpack, run bin/zdm. Its start-up archive: {@link ZdmLauncherIT}. */
@ServerIndependent
class ZdmDistIT {

    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ZDM_CACHE_DIR", dir.resolve("cache").toString());
        return env;
    }

    private Path history() throws Exception {
        Path db = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n"
                + "CREATE VIEW open_orders AS SELECT id FROM orders WHERE status = 'open';\n");
        Files.writeString(db.resolve("V2__status.sql"), "SET lock_timeout = '2s';\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status ON orders (status);\n");
        Files.writeString(db.resolve("V2__status.sql.conf"), "executeInTransaction=false\n");
        return db;
    }

    @Test
    void theZipHoldsTheSameLaunchersAndJar() throws Exception {
        Path zip = Path.of(Dist.archive().toString().replace(".tar.gz", ".zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = z.stream().map(ZipEntry::getName).toList();
            assertThat(names).anyMatch(n -> n.matches("zdm-[^/]+/bin/zdm"))
                    .anyMatch(n -> n.matches("zdm-[^/]+/bin/zdm\\.cmd"))
                    .anyMatch(n -> n.matches("zdm-[^/]+/lib/flyway-zdm-cli\\.jar"));
            ZipEntry cmd = z.stream().filter(e -> e.getName().endsWith("bin/zdm.cmd")).findFirst().orElseThrow();
            assertThat(new String(z.getInputStream(cmd).readAllBytes())).contains("\r\n");
        }
        assertThat(Files.isExecutable(Dist.zdm())).isTrue();
    }

    @Test
    void exitCodesZeroOneTwoAndSarifThroughTheLauncher() throws Exception {
        Path db = history();
        Path zdm = Dist.zdm();
        Dist.Run clean = Dist.run(dir, env(), "", zdm.toString(), "lint", "db/migration");
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).startsWith("2 files, 4 statements: 0 errors");
        assertThat(clean.err()).isEmpty();

        Files.writeString(db.resolve("V3__index.sql"), "SET lock_timeout = '2s';\nCREATE INDEX orders_id_status ON orders (id, status);\n");
        Dist.Run unsafe = Dist.run(dir, env(), "", zdm.toString(), "lint", "--format", "sarif", "--output", "out/zdm.sarif", "db/migration");
        assertThat(unsafe.exit()).as(unsafe.err()).isEqualTo(1);
        assertThat(unsafe.out()).contains("db/migration/V3__index.sql:2:1: error[create-index-non-concurrent]");
        assertThat(Files.readString(dir.resolve("out/zdm.sarif"))).contains("\"version\": \"2.1.0\"")
                .contains("create-index-non-concurrent").contains("db/migration/V3__index.sql");

        Dist.Run usage = Dist.run(dir, env(), "", zdm.toString(), "lint", "-V2__x.sql");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).startsWith("zdm: Unknown option: '-V2__x.sql'").hasLineCount(1);

        Dist.Run missing = Dist.run(dir, env(), "", zdm.toString(), "lint", "no/such/dir");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("zdm: no/such/dir: no such file or directory\n");

        Dist.Run stdin = Dist.run(dir, env(), "ALTER TABLE t ADD COLUMN d timestamptz DEFAULT clock_timestamp();", zdm.toString(), "lint", "-");
        assertThat(stdin.exit()).isEqualTo(1);
        assertThat(stdin.out()).contains("<stdin>:1:1: error[add-column-volatile-default]");

        assertThat(Dist.run(dir, env(), "", zdm.toString(), "--version").out()).isEqualTo("zdm 0.1.0-SNAPSHOT\n");
    }

    @Test
    void outOfMemoryIsOneLineAndExitTwo() throws Exception {
        Path db = Files.createDirectories(dir.resolve("big"));
        StringBuilder b = new StringBuilder();
        while (b.length() < 1_000_000) {
            b.append("INSERT INTO big (id, v) VALUES (").append(b.length()).append(", 'x; y');\n");
        }
        String chunk = b.toString();
        try (var w = Files.newBufferedWriter(db.resolve("V1__big.sql"))) {
            w.write("CREATE TABLE big (id bigint PRIMARY KEY, v text);\n");
            for (int i = 0; i < 40; i++) {
                w.write(chunk);
            }
        }
        Map<String, String> small = env();
        small.put("ZDM_CDS", "off");
        small.put("JAVA_OPTS", "-Xmx24m");
        Dist.Run r = Dist.run(dir, small, "", Dist.zdm().toString(), "lint", "big");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("zdm: out of memory").hasLineCount(1);
    }
}
