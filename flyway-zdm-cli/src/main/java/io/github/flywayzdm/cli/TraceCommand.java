package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.trace.LockTrace;
import io.github.flywayzdm.trace.TraceDiff;
import io.github.flywayzdm.trace.TraceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Applies the migrations to a throwaway PostgreSQL and reports what each statement really locked,",
                "rewrote and scanned, next to the static findings. Embedded server of --pg-version unless --jdbc-url is given",
                "(a fresh database is created there and dropped; the password comes from ZDM_TRACE_PASSWORD or PGPASSWORD)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:a statement failed or findings at or above --fail-on",
                "2:bad usage, bad input or a tool error (one line on stderr says which)"})
final class TraceCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Option(names = "--seed-rows", paramLabel = "N", description = "Fill each table a migration creates with N rows (default 0).")
    long seedRows;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Trace on this server instead of an embedded one (needs CREATEDB).")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "User for --jdbc-url.")
    String user;

    @Option(names = "--compare-pg-version", paramLabel = "MAJOR",
            description = "Also trace on this embedded major and print what differs.")
    Integer compareWith;

    TraceCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ReportFormat chosen = output.format(io);
        LintConfig config = input.config().build();
        List<MigrationScript> scripts = input.scripts(io);
        TraceReport report = trace(config, scripts, config.pgMajor(), jdbcUrl);
        output.print(io, chosen, report::render, report.summary());
        if (compareWith != null) {
            TraceReport other = trace(config, scripts, compareWith, null);
            List<TraceDiff.Difference> differences = TraceDiff.between(report, other);
            io.out().println(differences.isEmpty() ? "No difference between PostgreSQL " + report.serverVersion() + " and " + other.serverVersion()
                    : "Differences between PostgreSQL " + report.serverVersion() + " and " + other.serverVersion() + ":");
            differences.forEach(d -> io.out().println("  " + d));
        }
        return report.failed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private TraceReport trace(LintConfig config, List<MigrationScript> scripts, int major, String url) {
        LockTrace.Builder builder = LockTrace.builder().seedRows(seedRows).lintConfig(config);
        config.failOn().ifPresentOrElse(builder::failOn, builder::failNever);
        if (url != null) {
            String password = io.env().getOrDefault("ZDM_TRACE_PASSWORD", io.env().get("PGPASSWORD"));
            builder.server(url, user, password);
        } else {
            builder.pgMajor(major);
        }
        try {
            return builder.build().run(scripts);
        } catch (IllegalArgumentException e) {
            throw new LintException(e.getMessage(), e);
        }
    }
}
