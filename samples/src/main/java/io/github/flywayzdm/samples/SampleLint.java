package io.github.flywayzdm.samples;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs the linter over a sample location, as {@code zdm:lint} would in the build. */
final class SampleLint {

    private SampleLint() {
    }

    static LintReport lint(String classpathLocation, LintConfig config) {
        return Linter.of(config).lint(scripts(classpathLocation));
    }

    /** Findings keyed by script file name (what Flyway's MigrationInfo.getScript() returns for SQL migrations). */
    static Map<String, List<Finding>> findingsByScript(String classpathLocation) {
        LintReport report = lint(classpathLocation, LintConfig.builder().lockTimeoutByRunner(true).build());
        return report.findings().stream().collect(Collectors.groupingBy(f -> fileName(f.file())));
    }

    static List<MigrationScript> scripts(String classpathLocation) {
        String resource = classpathLocation.replaceFirst("^classpath:", "");
        URL url = SampleLint.class.getClassLoader().getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Sample migrations not found as files: " + classpathLocation);
        }
        try {
            return MigrationFiles.load(List.of(Path.of(url.toURI())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }
}
