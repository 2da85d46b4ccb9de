package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Lints the next versioned migration of a filesystem location on a background thread while the current one runs on
 * the server, so the parse cost hides behind database time. Its linter knows no table sizes, so only a result without
 * active findings is used as is; anything else is linted again with live sizes. Scripts with a .conf sidecar are not
 * prefetched (the sidecar can change how Flyway runs them).
 */
final class LintAhead implements AutoCloseable {

    private record Candidate(MigrationVersion version, String script, Path file) {
    }

    private record Ahead(String script, String sql, LintReport report) {
    }

    private final Linter linter;
    private final List<Candidate> candidates;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flyway-zdm-lint-ahead");
        t.setDaemon(true);
        return t;
    });
    private Future<Ahead> next;

    LintAhead(Linter linter, Configuration config) {
        this.linter = linter;
        this.candidates = list(config);
    }

    /** The prefetched report for exactly this script text, when usable. */
    Optional<LintReport> take(String script, String sql) {
        Future<Ahead> f = next;
        next = null;
        if (f == null) {
            return Optional.empty();
        }
        try {
            Ahead a = f.get();
            if (a != null && a.script().equals(script) && a.sql().equals(sql) && a.report().active().isEmpty()) {
                return Optional.of(a.report());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    /** Starts linting the migration that follows {@code current}, if it is a plain SQL file in a filesystem location. */
    void prefetch(MigrationVersion current, UnaryOperator<String> substitute) {
        if (current == null) {
            return;
        }
        Candidate c = candidates.stream().filter(x -> x.version().compareTo(current) > 0).findFirst().orElse(null);
        if (c == null || Files.exists(c.file().resolveSibling(c.file().getFileName() + ".conf"))) {
            return;
        }
        next = executor.submit(() -> {
            String sql = substitute.apply(Files.readString(c.file()));
            return new Ahead(c.script(), sql, linter.lint(List.of(new MigrationScript(c.script(), sql, null))));
        });
    }

    private static List<Candidate> list(Configuration config) {
        List<Candidate> out = new ArrayList<>();
        String prefix = config.getSqlMigrationPrefix();
        String separator = config.getSqlMigrationSeparator();
        for (Location location : config.getLocations()) {
            if (!location.isFileSystem()) {
                continue;
            }
            Path root = Path.of(location.getRootPath());
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    String name = f.getFileName().toString();
                    int sep = name.indexOf(separator);
                    boolean sql = Stream.of(config.getSqlMigrationSuffixes()).anyMatch(name::endsWith);
                    if (sql && name.startsWith(prefix) && sep > prefix.length()) {
                        try {
                            MigrationVersion v = MigrationVersion.fromVersion(name.substring(prefix.length(), sep).replace('_', '.'));
                            out.add(new Candidate(v, root.relativize(f).toString().replace('\\', '/'), f));
                        } catch (RuntimeException ignored) {
                            // not a versioned migration name: Flyway will say so itself
                        }
                    }
                });
            } catch (IOException | RuntimeException ignored) {
                // no prefetch for this location
            }
        }
        out.sort(Comparator.comparing(Candidate::version));
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
