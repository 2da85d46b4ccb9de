package io.github.flywayzdm.cli;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.trace.LockTrace;
import io.github.flywayzdm.trace.TraceDiff;
import io.github.flywayzdm.trace.TraceReport;

import java.util.List;

/** {@code zdm trace}: applies the migrations to a real server and reports what they locked. */
final class TraceCommand implements Command {

    private final Io io;
    final InputOptions input = new InputOptions();
    final OutputOptions output = new OutputOptions();
    long seedRows;
    String jdbcUrl;
    String user;
    Integer compareWith;

    TraceCommand(Io io) {
        this.io = io;
    }

    @Override
    public void register(ArgParser p) {
        input.register(p);
        output.register(p);
        p.value("--seed-rows", "N", "Fill each table a migration creates with N rows (default 0).", v -> seedRows = ArgParser.number("--seed-rows", v))
                .value("--jdbc-url", "URL", "Trace on this server instead of an embedded one (needs CREATEDB).", v -> jdbcUrl = v)
                .value("--user", "NAME", "User for --jdbc-url.", v -> user = v)
                .value("--compare-pg-version", "MAJOR", "Also trace on this embedded major and print what differs.",
                        v -> compareWith = ArgParser.integer("--compare-pg-version", v));
    }

    @Override
    public String description() {
        return """
                Usage: zdm trace [OPTIONS] [PATH...]
                Applies the migrations to a throwaway PostgreSQL and reports what each statement really locked,
                rewrote and scanned, next to the static findings. Embedded server of --pg-version unless --jdbc-url is given
                (a fresh database is created there and dropped; the password comes from ZDM_TRACE_PASSWORD or PGPASSWORD).
                """;
    }

    @Override
    public String exitCodes() {
        return """
                  0  no finding at or above --fail-on
                  1  a statement failed or findings at or above --fail-on
                  2  bad usage, bad input or a tool error (one line on stderr says which)
                """;
    }

    @Override
    public int call(List<String> positional) {
        input.paths = positional;
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
