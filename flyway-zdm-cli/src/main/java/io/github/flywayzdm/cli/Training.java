package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;

import java.io.InputStream;
import java.util.List;

/**
 * The training run of a class-data archive: the launcher sets {@code -Dzdm.cds.training=true} on the one call that
 * writes the archive, and this lints a bundled history in every format, so the archive holds the classes of a typical
 * lint whichever command that first call was. Silent; a failure only makes the archive smaller.
 */
final class Training {

    private Training() {
    }

    static void run() {
        try (InputStream in = Training.class.getResourceAsStream("training.sql")) {
            if (in == null) {
                return;
            }
            MigrationScript script = MigrationFiles.read("V1__training.sql", in);
            LintReport report = Linter.withDefaults().lint(List.of(script));
            for (ReportFormat format : ReportFormat.values()) {
                ReportWriter.render(report, format);
            }
            Colours.paint(ReportWriter.render(report, ReportFormat.TEXT));
        } catch (Exception | LinkageError e) {
            // an archive without these classes is still correct, only less complete
        }
    }
}
