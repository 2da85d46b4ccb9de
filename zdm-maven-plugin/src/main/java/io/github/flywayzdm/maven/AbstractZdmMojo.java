package io.github.flywayzdm.maven;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintSettings;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.UrlMask;
import io.github.flywayzdm.lint.report.ReportFormat;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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
import java.util.function.Function;

/**
 * What zdm:lint and zdm:trace share: where the migrations are, the linter settings, where reports go, and the run
 * itself (skip, read the settings, find the scripts, stop early when there are none, one-line errors).
 */
abstract class AbstractZdmMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Flyway locations: {@code classpath:db/migration} (default), {@code filesystem:sql/migrations}, several allowed. */
    @Parameter(property = "zdm.locations", defaultValue = "classpath:db/migration")
    protected List<String> locations;

    /** Target PostgreSQL major version, 10..18 (the trace goal runs 13..18). */
    @Parameter(property = "zdm.pgVersion")
    protected String pgVersion;

    /** error (default), warning, info or never. */
    @Parameter(property = "zdm.failOn")
    protected String failOn;

    /** Rule id to level: error, warning, info or off. */
    @Parameter
    protected Map<String, String> rules = new LinkedHashMap<>();

    /** Globs of scripts to skip, e.g. {@code V1__baseline.sql}. */
    @Parameter
    protected List<String> excludes = new ArrayList<>();

    /** Placeholder values; {@code flyway.placeholders.NAME} project properties are read too. */
    @Parameter
    protected Map<String, String> placeholders = new LinkedHashMap<>();

    /** Skip versioned scripts at or below this version (already applied everywhere). */
    @Parameter(property = "zdm.baselineVersion")
    protected String baselineVersion;

    /** Set when lock_timeout is applied by the runner (the flyway-zdm callbacks), not in each script. */
    @Parameter(property = "zdm.lockTimeoutByRunner", defaultValue = "false")
    protected boolean lockTimeoutByRunner;

    /** A settings file (the same format as the CLI's --config); parameters given here win. */
    @Parameter(property = "zdm.configFile")
    protected File configFile;

    /** Report formats written to {@link #outputDirectory}: text, json, sarif, junit, github, gitlab. */
    @Parameter(property = "zdm.formats", defaultValue = "text,json,sarif,junit")
    protected List<String> formats;

    @Parameter(property = "zdm.outputDirectory", defaultValue = "${project.build.directory}/zdm")
    protected File outputDirectory;

    @Parameter(property = "zdm.skip", defaultValue = "false")
    protected boolean skip;

    /** The goal's name in messages: {@code lint}, {@code trace}. */
    protected abstract String goal();

    /** The goal's own skip parameter ({@code zdm.lint.skip}, {@code zdm.trace.skip}). */
    protected abstract boolean goalSkipped();

    /** Runs the goal on the project's scripts, never empty. */
    protected abstract void run(LintConfig config, List<ReportFormat> reportFormats, List<MigrationScript> scripts)
            throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || goalSkipped()) {
            getLog().info("flyway-zdm: " + goal() + " skipped");
            return;
        }
        try {
            LintConfig config = config();
            List<ReportFormat> reportFormats = reportFormats();
            List<MigrationScript> scripts = scripts();
            if (scripts.isEmpty()) {
                getLog().info("flyway-zdm: no migrations in " + String.join(", ", locations) + ", nothing to " + goal());
                return;
            }
            run(config, reportFormats, scripts);
        } catch (LintException | IllegalArgumentException e) {
            // no cause: Maven prints the chain with -e, and a driver's message may quote the URL
            throw new MojoExecutionException("flyway-zdm: " + UrlMask.mask(e.getMessage()));
        }
    }

    /** Logs a finding's line at the level its severity maps to, so Maven's own colouring and filtering apply. */
    protected void log(Severity severity, String line) {
        if (severity == Severity.ERROR) {
            getLog().error(line);
        } else if (severity == Severity.WARNING) {
            getLog().warn(line);
        } else {
            getLog().info(line);
        }
    }

    protected Path basedir() {
        return project.getBasedir().toPath();
    }

    protected LintConfig config() {
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

    protected List<ReportFormat> reportFormats() {
        return formats.stream().filter(f -> !f.isBlank()).map(ReportFormat::parse).toList();
    }

    protected List<MigrationScript> scripts() {
        Path basedir = basedir();
        List<Path> resourceDirs = project.getResources().stream().map(Resource::getDirectory).map(basedir::resolve).toList();
        MigrationLocations.Resolved resolved = new MigrationLocations(basedir, resourceDirs,
                Path.of(project.getBuild().getOutputDirectory())).resolve(locations);
        resolved.missing().forEach(l -> getLog().warn("flyway-zdm: location " + l + " not found in " + basedir));
        return resolved.found().isEmpty() ? List.of() : MigrationFiles.load(resolved.found(), basedir);
    }

    /** Writes one report per format as {@code <prefix>.<ext>} (JUnit: {@code TEST-<prefix>.xml}). */
    protected void write(String prefix, List<ReportFormat> reportFormats, Function<ReportFormat, String> render) throws MojoExecutionException {
        try {
            Files.createDirectories(outputDirectory.toPath());
            for (ReportFormat format : reportFormats) {
                String name = format.fileName().replace("zdm-lint", prefix);
                Files.writeString(outputDirectory.toPath().resolve(name), render.apply(format), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("flyway-zdm: cannot write reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
