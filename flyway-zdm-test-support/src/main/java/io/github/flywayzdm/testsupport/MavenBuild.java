package io.github.flywayzdm.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code mvn} build of a generated user project, with the Maven and local repository of the running build
 * (failsafe passes {@code zdm.maven.home} and {@code zdm.maven.repo}). Online, quiet: artifacts already in the local
 * repository are not fetched again, so only the first build of a new dependency set reaches Maven Central.
 */
public final class MavenBuild {

    /** What the build printed and how it ended. */
    public record Result(int exit, String log) {
        public boolean passed() {
            return exit == 0;
        }
    }

    private MavenBuild() {
    }

    /** Runs {@code mvn -B -ntp <args>} in {@code project}; {@code env} is added to the environment (e.g. a password). */
    public static Result run(Path project, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String home = System.getProperty("zdm.maven.home");
        String repo = System.getProperty("zdm.maven.repo");
        if (home == null || repo == null) {
            throw new IllegalStateException("zdm.maven.home and zdm.maven.repo must be set (failsafe systemPropertyVariables)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(args));
        Path log = project.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn " + String.join(" ", args) + " did not finish in 10 minutes in " + project);
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
