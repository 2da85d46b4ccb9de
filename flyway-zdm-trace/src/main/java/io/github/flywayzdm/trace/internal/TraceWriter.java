package io.github.flywayzdm.trace.internal;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.report.Json;
import io.github.flywayzdm.lint.report.ReportFormat;
import io.github.flywayzdm.lint.report.ReportWriter;
import io.github.flywayzdm.trace.HeldLock;
import io.github.flywayzdm.trace.StatementTrace;
import io.github.flywayzdm.trace.TraceFinding;
import io.github.flywayzdm.trace.TraceReport;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text and JSON show every traced statement; the other formats carry the findings through the lint report writer. */
public final class TraceWriter {

    private TraceWriter() {
    }

    public static String render(TraceReport report, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(report);
            case JSON -> json(report);
            default -> ReportWriter.render(report.asLintReport(), format);
        };
    }

    static String text(TraceReport r) {
        StringBuilder b = new StringBuilder("flyway-zdm lock trace on PostgreSQL ").append(r.serverVersion())
                .append(r.seedRows() > 0 ? ", " + r.seedRows() + " rows seeded into each new table" : "").append("\n\n");
        for (StatementTrace s : r.statements()) {
            b.append(s.file()).append(':').append(s.line()).append("  ").append(firstLine(s.sql())).append("  [")
                    .append(s.durationMillis()).append(" ms").append(s.transactional() ? ", in transaction" : ", autocommit").append("]\n");
            if (s.failed()) {
                b.append("    FAILED  ").append(s.error()).append('\n');
            }
            long weak = s.locks().stream().filter(l -> !shown(l)).count();
            for (HeldLock l : s.locks().stream().filter(TraceWriter::shown).toList()) {
                b.append("    lock     ").append(l.mode()).append(" on ").append(l.relation()).append(" (").append(l.kind()).append(l.acquired() ? "" : ", taken earlier").append(", held ").append(l.heldMillis()).append(" ms)\n");
            }
            if (weak > 0 && !s.failed()) {
                b.append("    (+ ").append(weak).append(" weaker or on new relations)\n");
            }
            s.rewritten().forEach(t -> b.append("    rewrite  ").append(t).append(" (relfilenode changed)\n"));
            s.scanned().forEach(t -> b.append("    scan     ").append(t).append(" (sequential)\n"));
            for (Finding f : s.staticFindings()) {
                b.append("    static   ").append(lower(f.severity().name())).append('[').append(f.ruleId()).append(']')
                        .append(f.suppressed() ? " (suppressed)" : "").append('\n');
            }
            for (TraceFinding f : r.findings()) {
                if (f.file().equals(s.file()) && f.line() == s.line()) {
                    b.append("    trace    ").append(lower(f.severity().name())).append('[').append(f.ruleId()).append("] ")
                            .append(f.message()).append("\n             fix: ").append(f.fix()).append('\n');
                }
            }
        }
        if (!r.notes().isEmpty()) {
            b.append('\n');
            r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        }
        return b.append('\n').append(r.summary()).append('\n').toString();
    }

    static String json(TraceReport r) {
        StringBuilder b = new StringBuilder("{\n  \"tool\": \"flyway-zdm trace\",\n  \"server\": ").append(Json.str(r.serverVersion()))
                .append(",\n  \"seedRows\": ").append(r.seedRows()).append(",\n  \"failed\": ").append(r.failed())
                .append(",\n  \"failure\": ").append(Json.str(r.failure())).append(",\n  \"elapsedMillis\": ").append(r.elapsed().toMillis())
                .append(",\n  \"statements\": [");
        List<StatementTrace> all = r.statements();
        for (int i = 0; i < all.size(); i++) {
            StatementTrace s = all.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(Json.str(s.file())).append(", \"line\": ").append(s.line())
                    .append(", \"sql\": ").append(Json.str(s.sql())).append(", \"transactional\": ").append(s.transactional())
                    .append(", \"durationMillis\": ").append(s.durationMillis()).append(", \"error\": ").append(Json.str(s.error()))
                    .append(", \"locks\": [").append(s.locks().stream().map(l -> "{\"relation\": " + Json.str(l.relation()) + ", \"kind\": "
                            + Json.str(l.kind()) + ", \"mode\": " + Json.str(l.mode()) + ", \"existing\": " + l.existing() + ", \"acquired\": "
                            + l.acquired() + ", \"heldMillis\": " + l.heldMillis() + ", \"named\": " + l.named() + "}").collect(Collectors.joining(", ")))
                    .append("], \"rewritten\": ").append(strings(s.rewritten())).append(", \"scanned\": ").append(strings(s.scanned()))
                    .append(", \"staticFindings\": ").append(strings(s.staticFindings().stream().map(Finding::ruleId).toList())).append('}');
        }
        b.append(all.isEmpty() ? "],\n" : "\n  ],\n").append("  \"findings\": [");
        for (int i = 0; i < r.findings().size(); i++) {
            TraceFinding f = r.findings().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"rule\": ").append(Json.str(f.ruleId())).append(", \"severity\": ")
                    .append(Json.str(lower(f.severity().name()))).append(", \"file\": ").append(Json.str(f.file())).append(", \"line\": ")
                    .append(f.line()).append(", \"message\": ").append(Json.str(f.message())).append(", \"fix\": ").append(Json.str(f.fix())).append('}');
        }
        b.append(r.findings().isEmpty() ? "],\n" : "\n  ],\n").append("  \"notes\": ").append(strings(r.notes())).append("\n}\n");
        return ControlChars.escape(b.toString()); // names may carry ANSI escapes
    }

    /** Text shows the locks that can hurt traffic: on existing relations, SHARE UPDATE EXCLUSIVE and stronger. */
    private static boolean shown(HeldLock l) {
        return l.existing() && LockModes.strength(l.mode()) >= LockModes.strength("ShareUpdateExclusiveLock");
    }

    private static String strings(List<String> values) {
        return values.stream().map(Json::str).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 100) + " …" : line;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
