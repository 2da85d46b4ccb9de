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

/** The zip/tar.gz distribution as users install it: unpack, run bin/zdm. */
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

    /** The same result: exit code, output and errors, but for the summary's run time. */
    private static Dist.Run timeless(Dist.Run r) {
        return new Dist.Run(r.exit(), r.out().replaceAll(" in \\d+ ms", ""), r.err());
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
    void theFirstCallWritesAClassDataArchiveLaterCallsUseItAndABadOneIsIgnoredSilently() throws Exception {
        history();
        Path zdm = Dist.zdm();
        Path cache = dir.resolve("cache");
        Dist.Run first = Dist.run(dir, env(), "", zdm.toString(), "lint", "db/migration");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        List<Path> archives;
        try (var list = Files.list(cache)) {
            archives = list.toList();
        }
        assertThat(archives).as("one archive, no temporary file left").hasSize(1);
        Path archive = archives.get(0);
        assertThat(archive.getFileName().toString()).matches("zdm-\\d+\\.jsa");
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        Dist.Run second = Dist.run(dir, env(), "", zdm.toString(), "lint", "db/migration");
        assertThat(timeless(second)).isEqualTo(timeless(first));

        // an archive this JVM cannot map (another JDK's, a damaged one) must change nothing the user sees
        byte[] garbage = new byte[64 * 1024];
        java.util.Arrays.fill(garbage, (byte) 0x5A);
        Files.write(archive, garbage);
        Dist.Run damaged = Dist.run(dir, env(), "", zdm.toString(), "lint", "db/migration");
        assertThat(timeless(damaged)).isEqualTo(timeless(first));

        Map<String, String> off = env();
        off.put("ZDM_CDS", "off");
        off.put("ZDM_CACHE_DIR", dir.resolve("no-cache").toString());
        assertThat(timeless(Dist.run(dir, off, "", zdm.toString(), "lint", "db/migration"))).isEqualTo(timeless(first));
        assertThat(dir.resolve("no-cache")).doesNotExist();
    }

    @Test
    void anArchiveOfAnotherInstallationIsIgnoredSilently() throws Exception {
        history();
        Path zdm = Dist.zdm();
        Dist.Run first = Dist.run(dir, env(), "", zdm.toString(), "lint", "db/migration");
        Path other = dir.resolve("other");
        Dist.Run copy = Dist.run(dir, Map.of(), "", "cp", "-R", Dist.home().toString(), other.toString());
        assertThat(copy.exit()).isZero();
        Map<String, String> otherCache = env();
        otherCache.put("ZDM_CACHE_DIR", dir.resolve("other-cache").toString());
        Dist.Run second = Dist.run(dir, otherCache, "", other.resolve("bin/zdm").toString(), "lint", "db/migration");
        assertThat(timeless(second)).isEqualTo(timeless(first));
        // swap in the first installation's archive: its class path names another jar, which the JVM refuses quietly
        Path theirs;
        Path ours;
        try (var a = Files.list(dir.resolve("cache")); var b = Files.list(dir.resolve("other-cache"))) {
            theirs = a.findFirst().orElseThrow();
            ours = b.findFirst().orElseThrow();
        }
        Files.copy(theirs, ours, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(timeless(Dist.run(dir, otherCache, "", other.resolve("bin/zdm").toString(), "lint", "db/migration"))).isEqualTo(timeless(first));
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
