package io.github.flywayzdm.spring;

import io.github.flywayzdm.testsupport.MavenBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application project as a user writes one, for the ITs that build and start real applications:
 * {@code spring-boot-starter-parent} of a given Boot version, the given dependencies, compiled by a real {@code mvn}.
 */
final class BootProject {

    private BootProject() {
    }

    /** Writes target/boot-apps/NAME/pom.xml and returns the project's directory; {@code management}: a dependencyManagement element, or "". */
    static Path create(String name, String bootVersion, String management, List<String> dependencies) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "boot-apps", name).toAbsolutePath());
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>it</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <properties><java.version>17</java.version></properties>
                  %s
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(bootVersion, name, management, String.join("\n", dependencies)));
        return dir;
    }

    /** Compiles the project (the build must pass) and returns the class path to start it with. */
    static String compile(Path dir) throws Exception {
        MavenBuild.Result build = MavenBuild.run(dir, Map.of(), "-q", "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=cp.txt");
        assertThat(build.passed()).as(build.log()).isTrue();
        return dir.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(dir.resolve("cp.txt")).trim();
    }
}
