package io.github.flywayzdm.maven;

import io.github.flywayzdm.lint.ChangedFiles;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.LintSettings;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Lints the project's Flyway migrations and fails the build on unsafe ones. Bound to {@code verify} by default.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Flyway locations: {@code classpath:db/migration} (default), {@code filesystem:sql/migrations}, several allowed. */
    @Parameter(property = "zdm.locations", defaultValue = "classpath:db/migration")
    private List<String> locations;

    /** Target PostgreSQL major version, 13..18. */
    @Parameter(property = "zdm.pgVersion")
    private String pgVersion;

    /** error (default), warning, info or never. */
    @Parameter(property = "zdm.failOn")
    private String failOn;

    /** Rule id to level: error, warning, info or off. */
    @Parameter
    private Map<String, String> rules = new LinkedHashMap<>();

    /** Globs of scripts to skip, e.g. {@code V1__baseline.sql}. */
    @Parameter
    private List<String> excludes = new ArrayList<>();

    /** Placeholder values; {@code flyway.placeholders.NAME} project properties are read too. */
    @Parameter
    private Map<String, String> placeholders = new LinkedHashMap<>();

    /** Skip versioned scripts at or below this version (already applied everywhere). */
    @Parameter(property = "zdm.baselineVersion")
    private String baselineVersion;

    /** Set when lock_timeout is applied by the runner (the flyway-zdm callbacks), not in each script. */
    @Parameter(property = "zdm.lockTimeoutByRunner", defaultValue = "false")
    private boolean lockTimeoutByRunner;

    /** A settings file (the same format as the CLI's --config); parameters given here win. */
    @Parameter(property = "zdm.configFile")
    private File configFile;

    /** Report formats written to {@link #outputDirectory}: text, json, sarif, junit, github, gitlab. */
    @Parameter(property = "zdm.formats", defaultValue = "text,json,sarif,junit")
    private List<String> formats;

    @Parameter(property = "zdm.outputDirectory", defaultValue = "${project.build.directory}/zdm")
    private File outputDirectory;

    /** Report only scripts changed since the merge base with this git ref (all are still read for context). */
    @Parameter(property = "zdm.changedSince")
    private String changedSince;

    @Parameter(property = "zdm.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(property = "zdm.lint.skip", defaultValue = "false")
    private boolean lintSkip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || lintSkip) {
            getLog().info("flyway-zdm: lint skipped");
            return;
        }
        Path basedir = project.getBasedir().toPath();
        try {
            LintConfig config = config();
            List<ReportFormat> reportFormats = formats.stream().filter(f -> !f.isBlank()).map(ReportFormat::parse).toList();
            List<MigrationScript> scripts = scripts(basedir);
            if (scripts.isEmpty()) {
                getLog().info("flyway-zdm: no migrations in " + String.join(", ", locations) + ", nothing to lint");
                return;
            }
            Predicate<MigrationScript> target = s -> true;
            if (changedSince != null && !changedSince.isBlank()) {
                target = ChangedFiles.since(changedSince, basedir).scripts(basedir);
                getLog().info("flyway-zdm: " + scripts.stream().filter(target).count() + " of " + scripts.size()
                        + " scripts changed since " + changedSince);
            }
            LintReport report = Linter.of(config).lint(scripts, target);
            write(report, reportFormats);
            log(report, basedir);
            if (report.failed()) {
                throw new MojoFailureException("flyway-zdm: " + report.failures().size() + " unsafe migration finding(s) at or above '"
                        + report.failOn().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse("never")
                        + "': " + report.summary() + ". Reports: " + outputDirectory);
            }
        } catch (LintException | IllegalArgumentException e) {
            throw new MojoExecutionException("flyway-zdm: " + e.getMessage(), e);
        }
    }

    private LintConfig config() {
        LintConfig.Builder builder = LintConfig.builder();
        if (configFile != null) {
            LintSettings.load(configFile.toPath(), builder);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        putIfSet(settings, "pg-version", pgVersion);
        putIfSet(settings, "fail-on", failOn);
        putIfSet(settings, "baseline-version", baselineVersion);
        if (!excludes.isEmpty()) {
            settings.put("exclude", String.join(",", excludes));
        }
        rules.forEach((id, level) -> settings.put("rule." + id, level));
        project.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("flyway.placeholders."))
                .forEach(n -> settings.put("placeholder." + n.substring("flyway.placeholders.".length()), project.getProperties().getProperty(n)));
        placeholders.forEach((name, value) -> settings.put("placeholder." + name, value == null ? "" : value));
        LintSettings.apply(builder, settings);
        if (lockTimeoutByRunner) {
            builder.lockTimeoutByRunner(true);
        }
        return builder.build();
    }

    private static void putIfSet(Map<String, String> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.put(key, value);
        }
    }

    private List<MigrationScript> scripts(Path basedir) {
        List<Path> resourceDirs = project.getResources().stream().map(Resource::getDirectory).map(d -> basedir.resolve(d)).toList();
        MigrationLocations.Resolved resolved = new MigrationLocations(basedir, resourceDirs,
                Path.of(project.getBuild().getOutputDirectory())).resolve(locations);
        resolved.missing().forEach(l -> getLog().warn("flyway-zdm: location " + l + " not found in " + basedir));
        return resolved.found().isEmpty() ? List.of() : MigrationFiles.load(resolved.found(), basedir);
    }

    private void write(LintReport report, List<ReportFormat> reportFormats) throws MojoExecutionException {
        try {
            Files.createDirectories(outputDirectory.toPath());
            for (ReportFormat format : reportFormats) {
                Files.writeString(outputDirectory.toPath().resolve(format.fileName()), ReportWriter.render(report, format), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("flyway-zdm: cannot write reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Compiler style ({@code /abs/path/V2__x.sql:[3,1] ...}) so IDEs and CI log viewers link to the line. */
    private void log(LintReport report, Path basedir) {
        for (Finding f : report.active()) {
            String line = basedir.resolve(f.file()).toAbsolutePath() + ":[" + f.line() + "," + f.column() + "] "
                    + f.severity().name().toLowerCase(java.util.Locale.ROOT) + "[" + f.ruleId() + "] " + f.message()
                    + System.lineSeparator() + "    fix: " + f.safeAlternative().replace("\n", System.lineSeparator() + "         ");
            if (f.severity() == Severity.ERROR) {
                getLog().error(line);
            } else if (f.severity() == Severity.WARNING) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        getLog().info("flyway-zdm: " + report.summary());
    }
}
