package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.ChangedFiles;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import io.github.flywayzdm.lint.report.TextReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code zdm lint}: the static checks. */
final class LintCommand implements Command {

    private final Io io;
    final InputOptions input = new InputOptions();
    final OutputOptions output = new OutputOptions();
    String changedSince;
    final List<Path> only = new ArrayList<>();
    String explain;
    boolean listRules;

    LintCommand(Io io) {
        this.io = io;
    }

    @Override
    public void register(ArgParser p) {
        input.register(p);
        output.register(p);
        p.value("--changed-since", "GIT_REF", "Report only scripts changed since the merge base with GIT_REF (all are still read for context).",
                        v -> changedSince = v)
                .value("--only", "FILE", "Report only this script (repeatable; all PATHs are still read for context), e.g. a commit's staged files.",
                        v -> only.add(Path.of(v)))
                .value("--explain", "RULE", "Explain one rule: the lock, why it hurts, the safe way.", v -> explain = v)
                .flag("--list-rules", "List every rule with its default severity.", () -> listRules = true);
    }

    @Override
    public String description() {
        return """
                Usage: zdm lint [OPTIONS] [PATH...]
                Lints migration scripts for operations that block traffic or break running code.
                Directories are searched for *.sql (with Flyway .sql.conf sidecars); '-' reads standard input.
                """;
    }

    @Override
    public String exitCodes() {
        return Zdm.EXIT_CODES;
    }

    @Override
    public int call(List<String> positional) {
        input.paths = positional;
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
        if (!only.isEmpty()) {
            target = target.and(only(scripts));
        }
        // the text report is rendered on another thread while the linter goes on (it has the critical path)
        TextStream text = output.textOnStdout(io, chosen) ? new TextStream(io.colour(output.colour)) : null;
        LintReport report;
        try {
            report = text == null ? linter.lint(scripts, target) : linter.lint(scripts, target, text);
            output.print(io, chosen, f -> ReportWriter.render(report, f), report.summary(), text,
                    text == null ? null : TextReport.end(report));
        } finally {
            if (text != null) {
                text.abandon(); // its thread ends whatever happened (a failed run, an unwritable --output file)
            }
        }
        return report.failed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** A file named by --only must be one of the scripts read: a typo would otherwise report nothing and pass. */
    private Predicate<MigrationScript> only(List<MigrationScript> scripts) {
        Path cwd = Path.of("").toAbsolutePath();
        Set<Path> wanted = new HashSet<>();
        for (Path p : only) {
            wanted.add(p.toAbsolutePath().normalize());
        }
        Set<Path> read = new HashSet<>();
        for (MigrationScript s : scripts) {
            read.add(cwd.resolve(s.path()).normalize());
        }
        for (Path p : only) {
            if (!read.contains(p.toAbsolutePath().normalize())) {
                throw new LintException(p + ": named by --only but not among the scripts read (give its directory as a PATH)");
            }
        }
        return s -> wanted.contains(cwd.resolve(s.path()).normalize());
    }
}
