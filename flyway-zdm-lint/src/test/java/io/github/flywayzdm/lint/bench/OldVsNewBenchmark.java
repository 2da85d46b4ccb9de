package io.github.flywayzdm.lint.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lint throughput of this build against an earlier build of flyway-zdm-lint, side by side in ONE JVM on the same
 * corpus: each build lives in its own class loader, runs are interleaved (old, new, old, new ...) so machine load hits
 * both alike. Not a test: run through benchmarks/lint/old-vs-new.sh. Arguments: old-classpath (path-separated:
 * the old lint jar and its dependencies), new-classpath, [files].
 */
public final class OldVsNewBenchmark {

    private OldVsNewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path dir = Files.createTempDirectory("zdm-lint-old-new");
        int statements = LintBenchmark.CorpusGenerator.write(dir, files);
        Build old = new Build("old", args[0], dir);
        Build current = new Build("new", args[1], dir);
        System.out.printf(Locale.ROOT, "corpus: %d files, %d statements in %s%n", files * 2, statements, dir);
        for (int i = 0; i < 3; i++) {
            old.run();
            current.run();
        }
        double[] o = new double[7];
        double[] n = new double[7];
        for (int i = 0; i < o.length; i++) {
            o[i] = old.run();
            n[i] = current.run();
        }
        double om = median(o);
        double nm = median(n);
        System.out.printf(Locale.ROOT, "old build: median %.3f s, %.0f statements/s (%d statements, %d findings)%n", om,
                old.statements / om, old.statements, old.findings);
        System.out.printf(Locale.ROOT, "new build: median %.3f s, %.0f statements/s (%d statements, %d findings)%n", nm,
                current.statements / nm, current.statements, current.findings);
        System.out.printf(Locale.ROOT, "ratio new/old time: %.2f%n", nm / om);
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    /** One build of the linter, loaded in isolation from the other. */
    private static final class Build {
        private final Object scripts;
        private final Object linter;
        private final java.lang.reflect.Method lint;
        private final java.lang.reflect.Method statementsOf;
        private final java.lang.reflect.Method findingsOf;
        private long statements;
        private int findings;

        Build(String name, String classpath, Path dir) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String part : classpath.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    urls.add(Path.of(part).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> files = loader.loadClass("io.github.flywayzdm.lint.MigrationFiles");
            scripts = files.getMethod("load", List.class, Path.class).invoke(null, List.of(dir), dir);
            Class<?> linterClass = loader.loadClass("io.github.flywayzdm.lint.Linter");
            linter = linterClass.getMethod("withDefaults").invoke(null);
            lint = linterClass.getMethod("lint", List.class);
            Class<?> report = loader.loadClass("io.github.flywayzdm.lint.LintReport");
            statementsOf = report.getMethod("statements");
            findingsOf = report.getMethod("findings");
        }

        double run() throws Exception {
            long t = System.nanoTime();
            Object report = lint.invoke(linter, scripts);
            double seconds = (System.nanoTime() - t) / 1e9;
            statements = ((Number) statementsOf.invoke(report)).longValue();
            findings = ((List<?>) findingsOf.invoke(report)).size();
            return seconds;
        }
    }
}
