package io.github.flywayzdm.maven;

import io.github.flywayzdm.testsupport.ServerIndependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven builds of generated projects that use the plugin as users declare it. The plugin and flyway-zdm-lint are
 * put into the local repository by maven-invoker-plugin:install before this runs.
 */
@ServerIndependent
class LintMojoIT {

    @TempDir
    Path dir;

    private MavenProject project;

    @BeforeEach
    void project() {
        project = new MavenProject(dir);
    }

    private void pom(String configuration, String properties) throws Exception {
        project.pom("lint", configuration, properties);
    }

    private void migration(String subdir, String name, String sql) throws Exception {
        project.migration(subdir, name, sql);
    }

    private MavenProject.Build mvn(String... args) throws Exception {
        return project.verify(args);
    }

    private static final String DEFAULT_DIR = MavenProject.DEFAULT_DIR;
    private static final String UNSAFE_INDEX = "SET lock_timeout = '3s';\nCREATE INDEX orders_status ON orders (status);\n";

    @Test
    void safeMigrationsPassWithAOneLineSummaryAndAllReports() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status ON orders (status);");
        MavenProject.Build build = mvn();
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).containsPattern("\\[INFO] flyway-zdm: 2 files, 2 statements: 0 errors, 0 warnings, 0 info in \\d+ ms");
        for (String report : List.of("zdm-lint.txt", "zdm-lint.json", "zdm-lint.sarif", "TEST-zdm-lint.xml")) {
            assertThat(dir.resolve("target/zdm/" + report)).exists();
        }
    }

    @Test
    void anUnsafeMigrationFailsTheBuildInCompilerStyle() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", UNSAFE_INDEX);
        MavenProject.Build build = mvn();
        assertThat(build.exit()).isNotZero();
        Path file = dir.resolve(DEFAULT_DIR).resolve("V2__index.sql").toRealPath();
        assertThat(build.log())
                .contains("[ERROR] " + file + ":[2,1] error[create-index-non-concurrent] CREATE INDEX orders_status")
                .contains("    fix: CREATE INDEX CONCURRENTLY orders_status ON orders (status)")
                .contains("flyway-zdm: 1 unsafe migration finding(s) at or above 'error'")
                .contains("MojoFailureException");
        assertThat(Files.readString(dir.resolve("target/zdm/TEST-zdm-lint.xml"))).contains("<failure type=\"create-index-non-concurrent\"");
    }

    @Test
    void aSuppressedStatementPasses() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", "SET lock_timeout = '3s';\n"
                + "-- zdm:ignore create-index-non-concurrent: orders has 40 rows in every environment\n"
                + "CREATE INDEX orders_status ON orders (status);\n");
        MavenProject.Build build = mvn();
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).contains("flyway-zdm: 2 files, 3 statements: 0 errors, 0 warnings, 0 info (1 suppressed)");
    }

    @Test
    void zdmSkipSkips() throws Exception {
        pom("", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        migration(DEFAULT_DIR, "V2__index.sql", UNSAFE_INDEX);
        MavenProject.Build build = mvn("-Dzdm.skip");
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
        MavenProject.Build build = mvn();
        assertThat(build.passed()).as(build.log()).isTrue();
        assertThat(build.log()).contains("[INFO] " + dir.toRealPath().resolve("sql/changes/V2__drop.sql") + ":[2,1] info[drop-column]")
                .doesNotContain("unresolved-placeholder");
        assertThat(dir.resolve("target/zdm/zdm-lint.sarif")).exists();
        assertThat(dir.resolve("target/zdm/zdm-lint.json")).doesNotExist();

        migration("sql/changes", "V3__rename.sql", "SET lock_timeout = '3s';\nALTER TABLE ${schema}.orders RENAME COLUMN status TO state;");
        MavenProject.Build warning = mvn();
        assertThat(warning.exit()).isNotZero();
        assertThat(warning.log()).contains("[WARNING] " + dir.toRealPath().resolve("sql/changes/V3__rename.sql") + ":[2,1] warning[rename-column]")
                .contains("at or above 'warning'");
    }

    @Test
    void badConfigurationIsAToolErrorNotAFinding() throws Exception {
        pom("<pgVersion>9</pgVersion>", "");
        migration(DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
        MavenProject.Build build = mvn();
        assertThat(build.exit()).isNotZero();
        assertThat(build.log()).contains("flyway-zdm: Target PostgreSQL version must be 10..18, got 9")
                .contains("MojoExecutionException").doesNotContain("MojoFailureException");
    }
}
