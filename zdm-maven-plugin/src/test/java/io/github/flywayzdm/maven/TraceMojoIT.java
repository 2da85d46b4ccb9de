package io.github.flywayzdm.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** zdm:trace in a real Maven build, on an embedded PostgreSQL. */
class TraceMojoIT {

    @TempDir
    Path dir;

    @Test
    void theTraceFailsTheBuildOnAnIndexBuildThatBlocksWrites() throws Exception {
        MavenProject project = new MavenProject(dir);
        project.pom("trace", "<pgVersion>16</pgVersion><seedRows>1000</seedRows><formats>text,sarif</formats>", "");
        project.migration(MavenProject.DEFAULT_DIR, "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
        project.migration(MavenProject.DEFAULT_DIR, "V2__index.sql", "CREATE INDEX orders_status ON orders (status);");
        MavenProject.Build build = project.verify();
        assertThat(build.exit()).as(build.log()).isNotZero();
        assertThat(build.log()).contains("[ERROR] " + dir.toRealPath().resolve(MavenProject.DEFAULT_DIR).resolve("V2__index.sql")
                        + ":[1,1] error[trace-index-build-blocks-writes] held ShareLock on public.orders")
                .contains("flyway-zdm trace: PostgreSQL 16.");
        assertThat(dir.resolve("target/zdm/zdm-trace.txt")).content().contains("lock     ShareLock on public.orders");
        assertThat(dir.resolve("target/zdm/zdm-trace.sarif")).exists();

        project.migration(MavenProject.DEFAULT_DIR, "V2__index.sql", "CREATE INDEX CONCURRENTLY orders_status ON orders (status);");
        MavenProject.Build safe = project.verify();
        assertThat(safe.passed()).as(safe.log()).isTrue();
        assertThat(project.verify("-Dzdm.trace.skip").log()).contains("flyway-zdm: trace skipped");
    }
}
