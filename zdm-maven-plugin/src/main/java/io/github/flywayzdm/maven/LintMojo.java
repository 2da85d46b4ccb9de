package io.github.flywayzdm.maven;

import io.github.flywayzdm.lint.ChangedFiles;
import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Lints the project's Flyway migrations and fails the build on unsafe ones. Bound to {@code verify} by default.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractZdmMojo {

    /** Report only scripts changed since the merge base with this git ref (all are still read for context). */
    @Parameter(property = "zdm.changedSince")
    private String changedSince;

    @Parameter(property = "zdm.lint.skip", defaultValue = "false")
    private boolean lintSkip;

    @Override
    protected String goal() {
        return "lint";
    }

    @Override
    protected boolean goalSkipped() {
        return lintSkip;
    }

    @Override
    protected void run(LintConfig config, List<ReportFormat> reportFormats, List<MigrationScript> scripts) throws MojoExecutionException, MojoFailureException {
        Path basedir = basedir();
        Linter linter = Linter.of(config);
        Predicate<MigrationScript> target = s -> true;
        if (changedSince != null && !changedSince.isBlank()) {
            target = ChangedFiles.since(changedSince, basedir).scripts(basedir);
            getLog().info("flyway-zdm: " + scripts.stream().filter(target).count() + " of " + scripts.size()
                    + " scripts changed since " + changedSince);
        }
        LintReport report = linter.lint(scripts, target);
        write("zdm-lint", reportFormats, f -> ReportWriter.render(report, f));
        log(report, basedir);
        if (report.failed()) {
            throw new MojoFailureException("flyway-zdm: " + report.failures().size() + " unsafe migration finding(s) at or above '"
                    + report.failOn().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("never")
                    + "': " + report.summary() + ". Reports: " + outputDirectory);
        }
    }

    /** Compiler style ({@code /abs/path/V2__x.sql:[3,1] ...}) so IDEs and CI log viewers link to the line. */
    private void log(LintReport report, Path basedir) {
        for (Finding f : report.active()) {
            String line = ControlChars.escape(basedir.resolve(f.file()).toAbsolutePath() + ":[" + f.line() + "," + f.column() + "] "
                    + f.severity().name().toLowerCase(Locale.ROOT) + "[" + f.ruleId() + "] " + f.message()
                    + System.lineSeparator() + "    fix: " + f.safeAlternative().replace("\n", System.lineSeparator() + "         "));
            log(f.severity(), line);
        }
        getLog().info("flyway-zdm: " + report.summary());
    }
}
