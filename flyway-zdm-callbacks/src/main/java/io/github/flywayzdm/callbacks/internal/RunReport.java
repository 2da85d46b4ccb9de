package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.UrlMask;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The per-run summary: one log line per migration, this run's JSON and its section of the HTML report
 * ({@link ReportHistory} keeps them together with the earlier runs').
 */
public final class RunReport {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Instant started = Instant.now();
    /** Sorts by start time; the suffix keeps two runs of the same millisecond (two JVMs) apart. */
    private final String id = ID.format(started) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    private String failure = "";
    private final List<MigrationDraft> migrations = new ArrayList<>();
    private final List<String> preflight = new ArrayList<>();
    private String serverVersion = "";
    private String settings = "";

    synchronized void add(MigrationDraft r) {
        migrations.add(r);
    }

    public synchronized void preflight(String note) {
        preflight.add(note);
    }

    public void server(String version, String settingsText) {
        this.serverVersion = version;
        this.settings = settingsText;
    }

    public String id() {
        return id;
    }

    public Instant started() {
        return started;
    }

    /** Why the run failed outside any one migration, or "". */
    public synchronized String failure() {
        return failure;
    }

    /** The run failed outside any one migration's record (a preflight refusal, a Flyway error). */
    public synchronized void failed(String message) {
        failure = message == null ? "" : message;
    }

    /** success, failed (a migration or the run failed) or refused (the guard stopped it before it ran). */
    public synchronized String outcome() {
        if (migrations.stream().anyMatch(r -> r.outcome == MigrationRecord.Outcome.FAILED)) {
            return "failed";
        }
        if (migrations.stream().anyMatch(r -> r.outcome == MigrationRecord.Outcome.REFUSED) || failure.startsWith("flyway-zdm refused")) {
            return "refused";
        }
        return failure.isEmpty() ? "success" : "failed";
    }

    /** Each migration's row as it stands now, as immutable values. */
    public synchronized List<MigrationRecord> migrations() {
        return migrations.stream().map(MigrationDraft::toRecord).toList();
    }

    public synchronized List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (MigrationRecord r : migrations()) {
            lines.add(String.format("%-8s %-40s %6d ms  %s findings=%d%s%s%s",
                    r.outcome(), r.label(), r.durationMillis(), guards(r), activeFindings(r).size(),
                    r.attempt() > 1 ? " attempt=" + r.attempt() : "",
                    r.blockers().isEmpty() ? "" : " blockers=" + r.blockers().stream().map(b -> String.valueOf(b.pid()))
                            .collect(Collectors.joining(",")),
                    r.maxQueuedMillis() > 0 ? " queued-behind=" + r.maxQueuedMillis() + "ms" : ""));
        }
        return lines;
    }

    /** The timeouts a migration ran with; a refused one never ran, so it had none. */
    static String guards(MigrationRecord r) {
        return r.lockTimeout().isEmpty() ? "not run" : "lock_timeout=" + r.lockTimeout() + " statement_timeout=" + r.statementTimeout();
    }

    private static List<Finding> activeFindings(MigrationRecord r) {
        return r.findings().stream().filter(f -> !f.suppressed()).toList();
    }

    synchronized String json() {
        List<MigrationRecord> records = migrations();
        StringBuilder sb = new StringBuilder();
        // id, started, outcome and migrationCount first, one a line: ReportHistory's index reads them back
        sb.append("{\n  \"tool\": \"flyway-zdm\",\n  \"id\": ").append(str(id))
                .append(",\n  \"started\": ").append(str(started.toString()))
                .append(",\n  \"outcome\": ").append(str(outcome()))
                .append(",\n  \"migrationCount\": ").append(migrations.size())
                .append(",\n  \"error\": ").append(str(failure))
                .append(",\n  \"server\": ").append(str(serverVersion))
                .append(",\n  \"settings\": ").append(str(settings))
                .append(",\n  \"preflight\": [").append(preflight.stream().map(RunReport::str).collect(Collectors.joining(", ")))
                .append("],\n  \"migrations\": [");
        for (int i = 0; i < records.size(); i++) {
            MigrationRecord r = records.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"version\": ").append(str(r.version()))
                    .append(", \"description\": ").append(str(r.description()))
                    .append(", \"script\": ").append(str(r.script()))
                    .append(", \"outcome\": ").append(str(r.outcome().name().toLowerCase()))
                    .append(", \"transactional\": ").append(r.transactional())
                    .append(", \"started\": ").append(str(r.started().toString()))
                    .append(", \"durationMillis\": ").append(r.durationMillis())
                    .append(", \"attempt\": ").append(r.attempt())
                    .append(", \"lockTimeout\": ").append(str(r.lockTimeout()))
                    .append(", \"statementTimeout\": ").append(str(r.statementTimeout()))
                    .append(", \"waitedFor\": ").append(str(r.waitedFor()))
                    .append(", \"maxQueuedMillis\": ").append(r.maxQueuedMillis())
                    .append(", \"cancelledByWatchdog\": ").append(r.cancelledByWatchdog())
                    .append(", \"sqlState\": ").append(str(r.sqlState()))
                    .append(", \"error\": ").append(str(r.error()))
                    .append(", \"notes\": [").append(r.notes().stream().map(RunReport::str).collect(Collectors.joining(", ")))
                    .append("], \"locks\": [").append(r.locks().stream().map(RunReport::str).collect(Collectors.joining(", ")))
                    .append("], \"rewritten\": [").append(r.rewritten().stream().map(RunReport::str).collect(Collectors.joining(", ")))
                    .append("], \"findings\": [");
            sb.append(r.findings().stream().map(f -> "{\"rule\": " + str(f.ruleId()) + ", \"severity\": "
                    + str(f.severity().name().toLowerCase()) + ", \"file\": " + str(f.file()) + ", \"line\": " + f.line()
                    + ", \"message\": " + str(f.message()) + ", \"suppressed\": " + f.suppressed() + "}")
                    .collect(Collectors.joining(", ")));
            sb.append("], \"blockers\": [");
            sb.append(r.blockers().stream().map(b -> "{\"pid\": " + b.pid() + ", \"applicationName\": " + str(b.applicationName())
                    + ", \"state\": " + str(b.state()) + ", \"transactionAgeMillis\": " + b.transactionAgeMillis()
                    + ", \"locks\": " + str(b.locks()) + ", \"query\": " + str(b.query()) + "}")
                    .collect(Collectors.joining(", ")));
            sb.append("]}");
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    /** This run's part of the HTML report: a {@code <section class="run">} with its preflight notes and timeline. */
    synchronized String htmlSection() {
        List<MigrationRecord> records = migrations();
        long total = Math.max(1, records.stream().mapToLong(MigrationRecord::durationMillis).sum());
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"run ").append(outcome()).append("\" data-run=\"").append(esc(id)).append("\" data-outcome=\"")
                .append(outcome()).append("\">\n<h2>Run ").append(esc(started.toString())).append(" &mdash; ").append(outcome())
                .append("</h2>\n<p>PostgreSQL ").append(esc(serverVersion)).append(" &middot; ").append(esc(settings)).append("</p>\n");
        if (!failure.isEmpty()) {
            sb.append("<p class=\"error\">").append(esc(shorten(failure, 600))).append("</p>\n");
        }
        if (!preflight.isEmpty()) {
            sb.append("<h3>Preflight</h3><ul class=\"preflight\">");
            preflight.forEach(p -> sb.append("<li>").append(esc(p)).append("</li>"));
            sb.append("</ul>\n");
        }
        sb.append("<h3>Timeline</h3>\n<table class=\"timeline\"><thead><tr><th>Migration</th><th>Outcome</th><th>Duration</th>")
                .append("<th style=\"width:30%\">Timeline</th><th>Guards</th><th>Findings</th><th>Blockers / waits</th></tr></thead><tbody>\n");
        long offset = 0;
        for (MigrationRecord r : records) {
            double left = 100.0 * offset / total;
            double width = Math.max(0.5, 100.0 * r.durationMillis() / total);
            offset += r.durationMillis();
            sb.append("<tr class=\"migration ").append(r.outcome().name().toLowerCase()).append("\" data-version=\"")
                    .append(esc(r.version())).append("\" data-outcome=\"").append(r.outcome().name().toLowerCase()).append("\">")
                    .append("<td><b>").append(esc(r.version().isEmpty() ? "R" : r.version())).append("</b> ").append(esc(r.description()))
                    .append("<br><small>").append(esc(r.script())).append(r.transactional() ? " (transactional)" : " (no transaction)")
                    .append("</small></td><td>").append(r.outcome().name().toLowerCase())
                    .append(r.attempt() > 1 ? "<br><small>attempt " + r.attempt() + "</small>" : "")
                    .append(r.error().isEmpty() ? "" : "<br><small>" + esc(shorten(r.error(), 300)) + "</small>")
                    .append("</td><td>").append(r.durationMillis()).append(" ms</td>")
                    .append(String.format("<td><div class=\"bar\" style=\"margin-left:%.2f%%;width:%.2f%%\"></div></td>", left, width))
                    .append("<td class=\"guards\"><small>").append(r.lockTimeout().isEmpty() ? "not run" : "lock_timeout "
                            + esc(r.lockTimeout()) + "<br>statement_timeout " + esc(r.statementTimeout()));
            r.locks().forEach(l -> sb.append("<br>").append(esc(l)));
            r.rewritten().forEach(t -> sb.append("<br><b>rewrote</b> ").append(esc(t)));
            sb.append("</small></td><td>");
            for (Finding f : r.findings()) {
                sb.append("<div class=\"finding\"><code>").append(esc(f.ruleId())).append("</code> ")
                        .append(esc(f.severity().name().toLowerCase())).append(f.suppressed() ? " (suppressed)" : "")
                        .append(" <small>line ").append(f.line()).append(": ").append(esc(f.message())).append("</small></div>");
            }
            sb.append("</td><td>");
            for (Blocker b : r.blockers()) {
                sb.append("<div class=\"blocker\"><small>").append(esc(b.describe())).append("</small></div>");
            }
            if (!r.waitedFor().isEmpty()) {
                sb.append("<div><small>waited for ").append(esc(r.waitedFor())).append("</small></div>");
            }
            if (r.maxQueuedMillis() > 0) {
                sb.append("<div><small>others queued behind it up to ").append(r.maxQueuedMillis()).append(" ms")
                        .append(r.cancelledByWatchdog() ? " &mdash; cancelled by the watchdog" : "").append("</small></div>");
            }
            r.notes().forEach(n -> sb.append("<div class=\"note\"><small>").append(esc(n)).append("</small></div>"));
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</section>\n");
        return sb.toString();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    static String esc(String s) {
        return s == null ? "" : UrlMask.mask(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : UrlMask.mask(s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
