package io.github.flywayzdm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built distribution, unpacked once per test JVM with the system's tar, as users unpack it. */
final class Dist {

    private static Path home;

    private Dist() {
    }

    static Path archive() {
        String tar = System.getProperty("zdm.cli.dist");
        assertThat(tar).as("zdm.cli.dist system property (set by failsafe)").isNotNull();
        return Path.of(tar);
    }

    static synchronized Path home() throws IOException, InterruptedException {
        if (home == null) {
            Path dir = Files.createTempDirectory("zdm-dist");
            Run untar = run(dir, Map.of(), "", "tar", "-xzf", archive().toString(), "-C", dir.toString());
            assertThat(untar.exit()).as(untar.err()).isZero();
            try (var list = Files.list(dir)) {
                home = list.filter(p -> p.getFileName().toString().startsWith("zdm-")).findFirst().orElseThrow();
            }
        }
        return home;
    }

    static Path zdm() throws IOException, InterruptedException {
        return home().resolve("bin/zdm");
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs a command in {@code dir} with {@code java} of this JVM first on PATH; GITHUB_ACTIONS and JAVA_OPTS removed. */
    static Run run(Path dir, Map<String, String> env, String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // read by every JVM: a test that wants them sets them
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + pb.environment().get("PATH"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("zdm-out", ".txt");
        Path err = Files.createTempFile("zdm-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Run r = run(dir, Map.of(), "", command.toArray(String[]::new));
        assertThat(r.exit()).as("git " + String.join(" ", args) + ": " + r.err()).isZero();
    }
}
