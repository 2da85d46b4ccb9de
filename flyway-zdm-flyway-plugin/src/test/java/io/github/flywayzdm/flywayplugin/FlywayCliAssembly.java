package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.testsupport.MavenBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flyway command line put together from Maven Central jars, for lines that have no tarball there: flyway-commandline
 * and flyway-database-postgresql with all their dependencies in {@code lib/}, an empty {@code drivers/}, started as
 * {@code java -cp "lib/*:drivers/*" org.flywaydb.commandline.Main} like the tarball's script does. Built once per
 * version under the module's target directory.
 */
final class FlywayCliAssembly {

    private FlywayCliAssembly() {
    }

    static Path assemble(Path cliDir, String version) throws Exception {
        Path home = cliDir.resolve("flyway-" + version);
        Path done = home.resolve(".assembled");
        if (Files.exists(done)) {
            return home;
        }
        Path project = Files.createDirectories(cliDir.resolve("assembly-" + version));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it</groupId>
                  <artifactId>flyway-cli</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencyManagement>
                    <dependencies>
                      <!-- Jackson 3 needs annotations 2.21; nearest-wins would pick an older 2.x from another branch -->
                      <dependency>
                        <groupId>com.fasterxml.jackson.core</groupId>
                        <artifactId>jackson-annotations</artifactId>
                        <version>2.21</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>org.flywaydb</groupId>
                      <artifactId>flyway-commandline</artifactId>
                      <version>%1$s</version>
                    </dependency>
                    <dependency>
                      <groupId>org.flywaydb</groupId>
                      <artifactId>flyway-database-postgresql</artifactId>
                      <version>%1$s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(version));
        MavenBuild.Result build = MavenBuild.run(project, Map.of(), "-q",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                "-DoutputDirectory=" + home.resolve("lib"));
        assertThat(build.passed()).as(build.log()).isTrue();
        Files.createDirectories(home.resolve("drivers"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(done, version);
        return home;
    }
}
