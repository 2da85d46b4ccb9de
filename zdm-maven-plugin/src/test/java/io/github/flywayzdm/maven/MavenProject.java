package io.github.flywayzdm.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated pom-packaged project using the plugin as users declare it (its verify phase runs nothing but our goal,
 * so the build needs no other plugin), built with the same Maven and local repository as this build, offline.
 */
final class MavenProject {

    record Build(int exit, String log) {
        boolean passed() {
            return exit == 0 && log.contains("BUILD SUCCESS");
        }
    }

    static final String DEFAULT_DIR = "src/main/resources/db/migration";

    private final Path dir;

    MavenProject(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    void pom(String goal, String pluginConfiguration, String properties) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
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
                        <executions><execution><goals><goal>%s</goal></goals></execution></executions>
                        <configuration>%s</configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(properties, System.getProperty("zdm.plugin.version"), goal, pluginConfiguration));
    }

    void migration(String subdir, String name, String sql) throws Exception {
        Path d = Files.createDirectories(dir.resolve(subdir));
        Files.writeString(d.resolve(name), sql);
    }

    Build verify(String... args) throws Exception {
        String home = System.getProperty("zdm.maven.home");
        assertThat(home).as("zdm.maven.home (set by failsafe)").isNotBlank();
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B", "-o", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("zdm.maven.repo"), "verify"));
        command.addAll(List.of(args));
        Path log = dir.resolve("build.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("mvn finished").isTrue();
        return new Build(p.exitValue(), Files.readString(log));
    }
}
