package io.github.flywayzdm.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Which files changed against a git ref, for linting only a pull request's migrations. All scripts are still replayed
 * (a new migration is judged against the tables the old ones created); only the changed ones are reported. Uses the
 * {@code git} command, so it needs no library and sees exactly what the user's git sees: commits since the merge base,
 * uncommitted edits and untracked files.
 */
public final class ChangedFiles {

    private final Set<Path> changed;

    private ChangedFiles(Set<Path> changed) {
        this.changed = changed;
    }

    /** @throws LintException when git is missing, {@code dir} is not in a repository, or the ref is unknown */
    public static ChangedFiles since(String ref, Path dir) {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new LintException("--changed-since needs a git ref such as origin/main, got '" + ref + "'");
        }
        Path top = Path.of(git(dir, "rev-parse", "--show-toplevel").get(0));
        String base = git(dir, "merge-base", ref, "HEAD").get(0);
        Set<Path> files = new HashSet<>();
        for (String name : git(dir, "diff", "--name-only", "--diff-filter=ACMR", base)) {
            files.add(top.resolve(name).toAbsolutePath().normalize());
        }
        for (String name : git(top, "ls-files", "--others", "--exclude-standard")) {
            files.add(top.resolve(name).toAbsolutePath().normalize());
        }
        return new ChangedFiles(Set.copyOf(files));
    }

    public boolean contains(Path file) {
        return changed.contains(file.toAbsolutePath().normalize());
    }

    /** Matches scripts whose display path (relative to {@code baseDir}, as {@link MigrationFiles} names them) changed. */
    public Predicate<MigrationScript> scripts(Path baseDir) {
        return script -> contains(baseDir.resolve(script.path()));
    }

    public int size() {
        return changed.size();
    }

    private static List<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new LintException("--changed-since needs git on the PATH: " + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String out = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LintException("git " + args[0] + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                String message = err.join().strip().lines().findFirst().orElse("exit code " + process.exitValue());
                throw new LintException("git " + String.join(" ", args) + " failed: " + message);
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LintException("interrupted while running git", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
