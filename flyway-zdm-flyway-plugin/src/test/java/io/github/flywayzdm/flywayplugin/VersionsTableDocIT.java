package io.github.flywayzdm.flywayplugin;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's "Tested versions" table true: each row must name exactly the versions the matrix tests run.
 * Runs in every pass (it needs no database and no download).
 */
class VersionsTableDocIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String row(String frontEnd) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("(?m)^\\| " + Pattern.quote(frontEnd) + " \\| ([^|]+) \\|").matcher(readme);
        assertThat(m.find()).as("README.md has a tested-versions row for " + frontEnd).isTrue();
        return m.group(1).trim();
    }

    private static String pomProperty(String module, String name) throws Exception {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(module + " pom sets " + name).isTrue();
        return m.group(1).trim();
    }

    @Test
    void flywayJavaApiRowListsEveryLineOfFlywayLinesIT() throws Exception {
        assertThat(row("Flyway Java API")).isEqualTo(FlywayLinesIT.LINES.stream().map(FlywayLinesIT.Line::flyway)
                .collect(Collectors.joining(", ")));
    }

    @Test
    void commandLineRowNamesTheCliVersionsOfFlywayCliIT() throws Exception {
        assertThat(row("Flyway command line")).isEqualTo(FlywayCliIT.TARBALL + " (tarball), " + FlywayCliIT.ASSEMBLED
                + " (assembled from Maven Central jars)");
        assertThat(System.getProperty("zdm.cli.tarball.version")).isEqualTo(FlywayCliIT.TARBALL);
    }

    @Test
    void mavenPluginRowNamesTheVersionFlywayMavenPluginITRuns() throws Exception {
        assertThat(row("flyway-maven-plugin")).isEqualTo(System.getProperty("zdm.flyway.maven.plugin.version"));
    }

    @Test
    void springBootRowNamesTheLinesSpringBootAppITBuilds() throws Exception {
        String boot3 = pomProperty("flyway-zdm-spring-boot-starter", "zdm.it.boot3.version");
        String boot4 = pomProperty("flyway-zdm-spring-boot-starter", "zdm.it.boot4.version");
        String it = Files.readString(ROOT.resolve("flyway-zdm-spring-boot-starter/src/test/java/io/github/flywayzdm/spring/SpringBootAppIT.java"));
        Matcher flyway = Pattern.compile("flyway-core-([0-9.]+)\\.jar\"\\);\\s*// the Flyway line Boot " + Pattern.quote(boot3)).matcher(it);
        assertThat(flyway.find()).as("SpringBootAppIT checks the Flyway of Boot " + boot3).isTrue();
        String flyway3 = flyway.group(1);
        flyway = Pattern.compile("flyway-core-([0-9.]+)\\.jar\"\\);\\s*// the Flyway line Boot " + Pattern.quote(boot4)).matcher(it);
        assertThat(flyway.find()).as("SpringBootAppIT checks the Flyway of Boot " + boot4).isTrue();
        assertThat(row("Spring Boot")).isEqualTo(boot3 + " (Flyway " + flyway3 + "), " + boot4 + " (Flyway " + flyway.group(1) + ")");
    }

    @Test
    void postgresqlRowNamesTheMajorsCiRuns() throws Exception {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        Matcher passes = Pattern.compile("for v in ([0-9 ]+); do").matcher(ci);
        assertThat(passes.find()).as(".ci/run repeats the suite on other majors").isTrue();
        String defaultMajor = pomProperty(".", "zdm.pg.version");
        java.util.TreeSet<Integer> majors = new java.util.TreeSet<>();
        majors.add(Integer.parseInt(defaultMajor));
        for (String v : passes.group(1).trim().split(" +")) {
            majors.add(Integer.parseInt(v));
        }
        assertThat(row("PostgreSQL")).isEqualTo(majors.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        assertThat(ci).contains("-Dzdm.matrix.skip=true");
    }
}
