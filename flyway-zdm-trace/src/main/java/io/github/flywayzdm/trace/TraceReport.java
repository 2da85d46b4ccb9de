package io.github.flywayzdm.trace;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.trace.internal.TraceWriter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of one trace.
 *
 * @param serverVersion PostgreSQL's {@code server_version}
 * @param seedRows      rows put into each table a migration created (0: none)
 * @param statements    every executed statement, in order (the failed one last)
 * @param findings      dangerous combinations and disagreements with the static rules
 * @param notes         seeding notes
 * @param failure       "file:line: SQLSTATE: message" of the statement that failed, or null
 * @param failOn        findings at or above this fail the run (empty: never)
 */
public record TraceReport(String serverVersion, long seedRows, List<StatementTrace> statements, List<TraceFinding> findings,
                          List<String> notes, String failure, Optional<Severity> failOn, Duration elapsed) {

    public TraceReport {
        statements = List.copyOf(statements);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** A statement failed, or a finding reached the threshold. */
    public boolean failed() {
        return failure != null || failOn.map(t -> findings.stream().anyMatch(f -> f.severity().atLeast(t))).orElse(false);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public List<TraceFinding> findings(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The trace of the statement that starts on {@code line} of the script whose path ends with {@code file}. */
    public Optional<StatementTrace> statement(String file, int line) {
        return statements.stream().filter(s -> s.file().endsWith(file) && s.line() == line).findFirst();
    }

    public String summary() {
        return "PostgreSQL " + serverVersion + ": " + statements.size() + (statements.size() == 1 ? " statement" : " statements")
                + " traced: " + count(Severity.ERROR) + " errors, " + count(Severity.WARNING) + " warnings, " + count(Severity.INFO)
                + " info" + (failure == null ? "" : "; FAILED at " + failure) + " in " + elapsed.toMillis() + " ms";
    }

    /** text and json show every statement; sarif, junit, github and gitlab carry the findings. */
    public String render(ReportFormat format) {
        return TraceWriter.render(this, format);
    }

    /** The findings as a lint report, for the formats and tools built around it. */
    public LintReport asLintReport() {
        List<Finding> all = new java.util.ArrayList<>(findings.stream()
                .map(f -> new Finding(f.ruleId(), f.severity(), f.file(), f.line(), 1, excerpt(f), f.message(), "Observed on PostgreSQL "
                        + serverVersion + " by the flyway-zdm lock trace.", f.fix(), null)).toList());
        if (failure != null) {
            StatementTrace last = statements.get(statements.size() - 1);
            all.add(new Finding("trace-statement-failed", Severity.ERROR, last.file(), last.line(), 1, last.sql(), "the statement failed: "
                    + last.error(), "Flyway would stop here too; later migrations were not traced.", "Fix the statement.", null));
        }
        return new LintReport(all, (int) statements.stream().map(StatementTrace::file).distinct().count(), statements.size(), 0,
                failOn, elapsed);
    }

    private String excerpt(TraceFinding f) {
        return statement(f.file(), f.line()).map(StatementTrace::sql).orElse("");
    }
}
