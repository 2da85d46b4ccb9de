package io.github.flywayzdm.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven builds of generated projects that use the plugin as users declare it. The plugin and flyway-zdm-lint are
 * put into the local repository by maven-invoker-plugin:install before this runs.
 */
class LintMojoIT {

    @TempDir
    Path project;

    record Build(int exit, String log) {
        boolean passed() {
            return exit == 0 && log.contains("BUILD SUCCESS");
        }
    }

    /** A pom-packaged project: its verify phase runs nothing but zdm:lint, so the build needs no other plugin. */
    private void pom(String pluginConfiguration, String properties) throws Exception {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it</groupId>
                  <artifactId>app</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <properties>%s</properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.flywayzdm</groupId>
                        <artifactId>zdm-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions><execution><goals><goal>lint</goal></goals></execution></executions>
                        <configuration>%s</configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(properties, System.getProperty("zdm.plugin.version"), pluginConfiguration));
    }

    private void migration(String dir, String name, String sql) throws Exception {
        Path d = Files.createDirectories(project.resolve(dir));
        Files.writeString(d.resolve(name), sql);
    }

    private Build mvn(String... args) throws Exception {
        String home = System.getProperty("zdm.maven.home");
        assertThat(home).as("zdm.maven.home (set by failsafe)").isNotBlank();
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B", "-o", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("zdm.maven.repo"), "verify"));
        command.addAll(List.of(args));
        Path log = project.resolve("build.log");
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("mvn finished").isTrue();
        return new Build(p.exitValue(), Files.readString(log));
    }

    private static final String DEFAULT_DIR = "src/main/resources/db/migration";
    private static final String UNSAFE_INDEX = "SET lock_timeout = '3s';\nCREATE INDEX orders_status ON orders (status);\n";

    @Test
    void safeMigrationsPassWithAOneLineSummaryAndAllReports() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status ON orders (status);");
        Build build = mvn();
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).containsPattern("\\[INFO] flyway-zdm: 2 files, 2 statements: 0 errors, 0 warnings, 0 info in \\d+ ms");
        for (String report : List.of("zdm-lint.txt", "zdm-lint.json", "zdm-lint.sarif", "TEST-zdm-lint.xml")) {
            assertThat(project.resolve("target/zdm/" + report)).exists();
        }
    }

    @Test
    void anUnsafeMigrationFailsTheBuildInCompilerStyle() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", UNSAFE_INDEX);
        Build build = mvn();
        assertThat(build.exit()).isNotZero();
        Path file = project.resolve(DEFAULT_DIR).resolve("V2__index.sql").toRealPath();
        assertThat(build.log())
                .contains("[ERROR] " + file + ":[2,1] error[create-index-non-concurrent] CREATE INDEX orders_status")
                .contains("    fix: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status ON orders (status)")
                .contains("flyway-zdm: 1 unsafe migration finding(s) at or above 'error'")
                .contains("MojoFailureException");
        assertThat(Files.readString(project.resolve("target/zdm/TEST-zdm-lint.xml"))).contains("<failure type=\"create-index-non-concurrent\"");
    }

    @Test
    void aSuppressedStatementPasses() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", "SET lock_timeout = '3s';\n"
                + "-- zdm:ignore create-index-non-concurrent: orders has 40 rows in every environment\n"
                + "CREATE INDEX orders_status ON orders (status);\n");
        Build build = mvn();
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).contains("flyway-zdm: 2 files, 3 statements: 0 errors, 0 warnings, 0 info (1 suppressed)");
    }

    @Test
    void zdmSkipSkips() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", UNSAFE_INDEX);
        Build build = mvn("-Dzdm.skip");
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).contains("flyway-zdm: lint skipped");
        assertThat(mvn("-Dzdm.lint.skip=true").passed()).isTrue();
    }

    @Test
    void filesystemLocationsPlaceholdersRuleLevelsAndThreshold() throws Exception {
        pom("""
                <locations>
                  <location>filesystem:sql/base</location>
                  <location>filesystem:sql/changes</location>
                </locations>
                <pgVersion>15</pgVersion>
                <failOn>warning</failOn>
                <rules><drop-column>info</drop-column></rules>
                <formats>sarif</formats>
                """, "<flyway.placeholders.schema>app</flyway.placeholders.schema>");
        migration("sql/base", "V1__orders.sql", "CREATE TABLE ${schema}.orders (id bigint PRIMARY KEY, status text, note text);");
        migration("sql/changes", "V2__drop.sql", "SET lock_timeout = '3s';\nALTER TABLE ${schema}.orders DROP COLUMN note;");
        Build build = mvn();
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).contains("[INFO] " + project.toRealPath().resolve("sql/changes/V2__drop.sql") + ":[2,1] info[drop-column]")
                .doesNotContain("unresolved-placeholder");
        assertThat(project.resolve("target/zdm/zdm-lint.sarif")).exists();
        assertThat(project.resolve("target/zdm/zdm-lint.json")).doesNotExist();

        migration("sql/changes", "V3__rename.sql", "SET lock_timeout = '3s';\nALTER TABLE ${schema}.orders RENAME COLUMN status TO state;");
        Build warning = mvn();
        assertThat(warning.exit()).isNotZero();
        assertThat(warning.log()).contains("[WARNING] " + project.toRealPath().resolve("sql/changes/V3__rename.sql") + ":[2,1] warning[rename-column]")
                .contains("at or above 'warning'");
    }

    @Test
    void badConfigurationIsAToolErrorNotAFinding() throws Exception {
        pom("<pgVersion>12</pgVersion>", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
        Build build = mvn();
        assertThat(build.exit()).isNotZero();
        assertThat(build.log()).contains("flyway-zdm: Target PostgreSQL version must be 13..18, got 12")
                .contains("MojoExecutionException").doesNotContain("MojoFailureException");
    }
}
