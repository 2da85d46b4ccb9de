package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.ChangedFiles;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.LintSettings;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lints migration scripts for operations that block traffic or break running code.",
                "Directories are searched for *.sql (with Flyway .sql.conf sidecars); '-' reads standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:bad usage, bad input or a tool error (one line on stderr says which)"})
final class LintCommand implements Callable<Integer> {

    static final Path FLYWAY_DEFAULT_LOCATION = Path.of("src/main/resources/db/migration");

    private final Io io;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Migration files or directories; '-' for stdin. Default: " + "src/main/resources/db/migration")
    List<String> paths = new ArrayList<>();

    @Option(names = "--pg-version", paramLabel = "MAJOR", description = "Target PostgreSQL major version, 13..18 (default 17).")
    String pgVersion;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, sarif, junit, github or gitlab (default text; github when GITHUB_ACTIONS=true).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE; the text report still goes to stdout.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error (default), warning, info or never.")
    String failOn;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (pg-version, fail-on, rule.<id>, exclude, ...).")
    Path config;

    @Option(names = "--changed-since", paramLabel = "GIT_REF",
            description = "Report only scripts changed since the merge base with GIT_REF (all are still read for context).")
    String changedSince;

    @Option(names = "--rule", paramLabel = "ID=LEVEL", description = "Override a rule's severity: error, warning, info or off.")
    Map<String, String> rules = new LinkedHashMap<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip scripts whose path matches (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-P", "--placeholder"}, paramLabel = "NAME=VALUE", description = "A Flyway placeholder value (repeatable).")
    Map<String, String> placeholders = new LinkedHashMap<>();

    @Option(names = "--baseline-version", paramLabel = "VERSION", description = "Skip versioned scripts at or below VERSION.")
    String baselineVersion;

    @Option(names = "--lock-timeout-by-runner",
            description = "lock_timeout is set by the runner (e.g. the flyway-zdm callbacks), not in each script.")
    boolean lockTimeoutByRunner;

    @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: only on a terminal, never with NO_COLOR), always, never.")
    Io.ColourMode colour = Io.ColourMode.AUTO;

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
        ReportFormat chosen = format != null ? ReportFormat.parse(format)
                : io.githubActions() ? ReportFormat.GITHUB : ReportFormat.TEXT;
        LintConfig lintConfig = config();
        List<MigrationScript> scripts = scripts();
        Predicate<MigrationScript> target = s -> true;
        if (changedSince != null) {
            ChangedFiles changed = ChangedFiles.since(changedSince, gitDir());
            target = changed.scripts(Path.of("").toAbsolutePath());
            long count = scripts.stream().filter(target).count();
            io.err().println("zdm: " + count + " of " + scripts.size() + " scripts changed since " + changedSince);
        }
        LintReport report = Linter.of(lintConfig).lint(scripts, target);
        print(report, chosen);
        return report.failed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private LintConfig config() {
        LintConfig.Builder builder = LintConfig.builder();
        if (config != null) {
            LintSettings.load(config, builder);
        }
        set(builder, "pg-version", pgVersion);
        set(builder, "fail-on", failOn);
        set(builder, "baseline-version", baselineVersion);
        rules.forEach((id, level) -> set(builder, "rule." + id, level));
        placeholders.forEach((name, value) -> set(builder, "placeholder." + name, value));
        excludes.forEach(glob -> set(builder, "exclude", glob));
        if (lockTimeoutByRunner) {
            builder.lockTimeoutByRunner(true);
        }
        return builder.build();
    }

    private static void set(LintConfig.Builder builder, String key, String value) {
        if (value != null) {
            LintSettings.apply(builder, key, value);
        }
    }

    private List<MigrationScript> scripts() {
        List<String> given = paths.isEmpty() ? defaultLocation() : paths;
        List<MigrationScript> scripts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String p : given) {
            if (p.equals("-")) {
                scripts.add(MigrationFiles.read("<stdin>", io.in()));
            } else {
                files.add(Path.of(p));
            }
        }
        scripts.addAll(MigrationFiles.load(files));
        return scripts;
    }

    private static List<String> defaultLocation() {
        if (!Files.isDirectory(FLYWAY_DEFAULT_LOCATION)) {
            throw new LintException("no PATH given and " + FLYWAY_DEFAULT_LOCATION
                    + " does not exist here: name migration files or directories (or '-' for stdin)");
        }
        return List.of(FLYWAY_DEFAULT_LOCATION.toString());
    }

    /** git runs where the migrations live, which need not be the working directory. */
    private Path gitDir() {
        return paths.stream().filter(p -> !p.equals("-")).map(Path::of)
                .map(p -> Files.isDirectory(p) ? p : p.toAbsolutePath().getParent())
                .findFirst().orElse(Path.of("")).toAbsolutePath();
    }

    private void print(LintReport report, ReportFormat chosen) {
        String rendered = ReportWriter.render(report, chosen);
        if (output != null) {
            write(output, rendered);
            io.out().print(text(report));
        } else if (chosen == ReportFormat.TEXT) {
            io.out().print(text(report));
        } else {
            io.out().print(rendered);
            io.err().println("zdm: " + report.summary());
        }
        io.out().flush();
    }

    private String text(LintReport report) {
        String text = ReportWriter.render(report, ReportFormat.TEXT);
        return io.colour(colour) ? Colours.paint(text) : text;
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LintException(file + ": cannot write the report: " + e.getMessage()
                    .toLowerCase(Locale.ROOT).replace(file.toString().toLowerCase(Locale.ROOT), "").strip(), e);
        }
    }
}
