package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Real Flyway command lines with our jars in {@code drivers/}, exactly as the module README documents them:
 * <ul>
 *   <li>Flyway 10.22.0, the real tarball from Maven Central (unpacked by this module's pom), run through its own
 *       {@code flyway} script: the {@code -cli} jar alone, registered with {@code -callbacks=};</li>
 *   <li>Flyway 12.4.0 assembled from Maven Central jars (flyway-commandline and its dependencies, the newest line whose
 *       verb modules are all on Central): the {@code -cli} jar plus the main jar, which self-registers.</li>
 * </ul>
 * Each runs {@code version}, {@code info} and {@code migrate} against the test PostgreSQL: the unsafe migration is
 * refused with no history row, the safe one applied, and {@code flyway.zdm.*} settings are read from a config file.
 * The password reaches the CLI as {@code FLYWAY_PASSWORD}, never on the command line.
 */
@WithPostgres
class FlywayCliIT {

    static final String CALLBACK = "io.github.flywayzdm.callbacks.ZdmCallback";

    /** A Flyway command line installation and how to start it. */
    record Cli(String version, Path home, List<String> launcher, List<String> extraArgs) {
        Run run(TestDatabase db, Path migrations, Map<String, String> env, String... args) throws Exception {
            List<String> command = new ArrayList<>(launcher);
            command.addAll(List.of("-url=" + db.jdbcUrl(), "-user=" + db.user(),
                    "-locations=filesystem:" + migrations));
            command.addAll(extraArgs);
            command.addAll(List.of(args));
            Path log = Files.createTempFile("flyway-cli", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("FLYWAY_PASSWORD", db.password());
            pb.environment().putAll(env);
            Process p = pb.start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("flyway %s finished", String.join(" ", args)).isTrue();
            String output = Files.readString(log);
            assertThat(output).doesNotContain("NoClassDefFoundError").doesNotContain(db.password().isEmpty() ? "\u0000" : db.password());
            return new Run(p.exitValue(), output);
        }
    }

    record Run(int exit, String output) { }

    /** The command lines this test runs, for the README's table (VersionsTableDocIT). */
    static final String TARBALL = "10.22.0";
    static final String ASSEMBLED = "12.4.0";

    static Cli flyway10;
    static Cli flyway12;

    @BeforeAll
    static void installations() throws Exception {
        assumeFalse(Boolean.getBoolean("zdm.matrix.skip"), "compatibility matrix skipped (-Dzdm.matrix.skip=true)");
        Path cliDir = Path.of(System.getProperty("zdm.cli.dir"));
        Path cliJar = Path.of(System.getProperty("zdm.cli.jar"));
        Path autoJar = Path.of(System.getProperty("zdm.auto.jar"));

        Path home10 = cliDir.resolve("flyway-" + System.getProperty("zdm.cli.tarball.version"));
        assertThat(home10.resolve("flyway")).as("unpacked by the pom's flyway-cli-10 execution").exists();
        home10.resolve("flyway").toFile().setExecutable(true);
        dropInto(home10.resolve("drivers"), cliJar);
        assertThat(System.getProperty("zdm.cli.tarball.version")).isEqualTo(TARBALL);
        flyway10 = new Cli(TARBALL, home10, List.of(home10.resolve("flyway").toString()),
                List.of("-callbacks=" + CALLBACK));

        Path home12 = FlywayCliAssembly.assemble(cliDir, ASSEMBLED);
        dropInto(home12.resolve("drivers"), cliJar, autoJar);
        flyway12 = new Cli(ASSEMBLED, home12, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home12.resolve("lib") + "/*:" + home12.resolve("drivers") + "/*", "org.flywaydb.commandline.Main"),
                List.of());
    }

    private static void dropInto(Path drivers, Path... jars) throws Exception {
        Files.createDirectories(drivers);
        try (var old = Files.list(drivers)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("flyway-zdm-")).toList()) {
                Files.delete(p);
            }
        }
        for (Path jar : jars) {
            assertThat(jar).exists();
            Files.copy(jar, drivers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @TempDir
    Path migrations;

    private void migration(String name, String sql) throws Exception {
        Files.writeString(migrations.resolve(name), sql);
    }

    private void everyCommandWorksAndTheGuardDecides(Cli cli, TestDatabase db) throws Exception {
        Run version = cli.run(db, migrations, Map.of(), "version");
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains(cli.version());

        migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
        migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);\n");
        Run info = cli.run(db, migrations, Map.of(), "info");
        assertThat(info.exit()).as(info.output()).isZero();
        assertThat(info.output()).contains("status index").contains("Pending");

        // the table is empty, so the size-aware verdict would allow the plain index; the environment variable makes
        // every table count as large
        Map<String, String> large = Map.of("FLYWAY_ZDM_SMALL_TABLE_ROWS", "0");
        Run refused = cli.run(db, migrations, large, "migrate");
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("create-index-non-concurrent").contains("V2__status_index.sql")
                .contains("or set flyway.zdm.mode=warn (env FLYWAY_ZDM_MODE=warn).");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2'")).as("no history row").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'")).isZero();

        migration("V2__status_index.sql", "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n");
        Run applied = cli.run(db, migrations, large, "migrate", "-postgresql.transactional.lock=false");
        assertThat(applied.exit()).as(applied.output()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isOne();
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_status'")).isOne();

        Run after = cli.run(db, migrations, Map.of(), "info");
        assertThat(after.exit()).as(after.output()).isZero();
        assertThat(after.output()).contains("Success");
    }

    private void settingsFromAConfigFile(Cli cli, TestDatabase db) throws Exception {
        settingsFromAConfigFile(cli, db, ".conf", "flyway.zdm.mode=warn\nflyway.zdm.smallTableRows=0\n");
    }

    private void settingsFromAConfigFile(Cli cli, TestDatabase db, String suffix, String text) throws Exception {
        migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
        migration("V2__status_index.sql", "CREATE INDEX orders_status ON orders (status);\n");
        Path conf = Files.writeString(migrations.getParent().resolve(migrations.getFileName() + suffix), text);
        Run warned = cli.run(db, migrations, Map.of(), "migrate", "-configFiles=" + conf);
        assertThat(warned.exit()).as(warned.output()).isZero();
        assertThat(warned.output()).contains("create-index-non-concurrent");
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '2'")).isOne();
    }

    @Test
    void flyway10TarballWithTheCliJarAndCallbacksSetting(TestDatabase db) throws Exception {
        everyCommandWorksAndTheGuardDecides(flyway10, db);
    }

    @Test
    void flyway10ReadsZdmSettingsFromAConfFile(TestDatabase db) throws Exception {
        settingsFromAConfigFile(flyway10, db);
    }

    @Test
    void flyway12WithTheCliJarAndTheSelfRegisteringJar(TestDatabase db) throws Exception {
        everyCommandWorksAndTheGuardDecides(flyway12, db);
    }

    @Test
    void flyway12ReadsZdmSettingsFromAConfFile(TestDatabase db) throws Exception {
        settingsFromAConfigFile(flyway12, db);
    }

    static final String TOML = "[flyway.zdm]\nmode = \"warn\"\nsmallTableRows = \"0\"\n";

    @Test
    void flyway10ReadsZdmSettingsFromATomlFile(TestDatabase db) throws Exception {
        settingsFromAConfigFile(flyway10, db, ".toml", TOML);
    }

    @Test
    void flyway12ReadsZdmSettingsFromATomlFile(TestDatabase db) throws Exception {
        settingsFromAConfigFile(flyway12, db, ".toml", TOML);
    }
}
