package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.ChangedFiles;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lints migration scripts for operations that block traffic or break running code.",
                "Directories are searched for *.sql (with Flyway .sql.conf sidecars); '-' reads standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:bad usage, bad input or a tool error (one line on stderr says which)"})
final class LintCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Option(names = "--changed-since", paramLabel = "GIT_REF",
            description = "Report only scripts changed since the merge base with GIT_REF (all are still read for context).")
    String changedSince;

    @Option(names = "--explain", paramLabel = "RULE", description = "Explain one rule: the lock, why it hurts, the safe way.")
    String explain;

    @Option(names = "--list-rules", description = "List every rule with its default severity.")
    boolean listRules;

    LintCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (listRules) {
            io.out().print(RuleTexts.list(Linter.rules()));
            return ExitCode.CLEAN;
        }
        if (explain != null) {
            RuleInfo rule = Linter.rule(explain.strip())
                    .orElseThrow(() -> new LintException("unknown rule '" + explain + "' (zdm lint --list-rules shows them)"));
            io.out().print(RuleTexts.explain(rule));
            return ExitCode.CLEAN;
        }
        ReportFormat chosen = output.format(io);
        Linter linter = Linter.of(input.config().build());
        List<MigrationScript> scripts = input.scripts(io);
        Predicate<MigrationScript> target = s -> true;
        if (changedSince != null) {
            target = ChangedFiles.since(changedSince, input.gitDir()).scripts(Path.of("").toAbsolutePath());
            long count = scripts.stream().filter(target).count();
            io.err().println("zdm: " + count + " of " + scripts.size() + " scripts changed since " + changedSince);
        }
        LintReport report = linter.lint(scripts, target);
        output.print(io, chosen, f -> ReportWriter.render(report, f), report.summary());
        return report.failed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }
}
