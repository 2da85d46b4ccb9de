package io.github.flywayzdm.samples;

import io.github.flywayzdm.lint.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the sample's result as one self-contained HTML page (no scripts, no external resources). */
final class SampleReport {

    private SampleReport() {
    }

    static Path write(SampleResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("report.html");
        Files.writeString(file, html(result), StandardCharsets.UTF_8);
        return file;
    }

    static String html(SampleResult r) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>flyway-zdm sample report</title>")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td.l,th.l{text-align:left}")
                .append(".bar{background:#4a90d9;height:10px;display:inline-block}.bad{color:#b00020;font-weight:bold}")
                .append(".ok{color:#0a7d32}.f{font-size:12px;color:#555;text-align:left}</style></head><body>");
        b.append("<h1>flyway-zdm sample: ").append(r.options().naive() ? "the naive migrations" : "zero-downtime migrations")
                .append("</h1>");
        b.append("<p>").append(esc(r.server())).append(" &middot; ")
                .append(String.format(Locale.ROOT, "%,d orders, %,d customers, %d application threads", r.options().orders(),
                        r.options().customers(), r.options().threads()))
                .append(" &middot; guard: ").append(esc(r.guard())).append(" &middot; result: ")
                .append(r.success() ? "<span class=\"ok\">success</span>" : "<span class=\"bad\">failed</span>").append("</p>");
        b.append("<h2>Traffic</h2><table><tr><th class=\"l\">window</th><th>requests</th><th>req/s</th><th>p50</th><th>p99</th>")
                .append("<th>longest</th><th>errors</th></tr>");
        trafficRow(b, "before migrating", r.baseline());
        trafficRow(b, "while migrating", r.duringMigrations());
        b.append("</table>");
        long longest = Math.max(1, r.migrations().stream().mapToLong(SampleResult.MigrationRow::durationNanos).max().orElse(1));
        b.append("<h2>Migrations</h2><table id=\"migrations\"><tr><th class=\"l\">version</th><th class=\"l\">migration</th>")
                .append("<th>duration</th><th class=\"l\">timeline</th><th>findings</th><th>requests</th><th>p99</th>")
                .append("<th>longest wait</th><th>errors</th></tr>");
        for (SampleResult.MigrationRow m : r.migrations()) {
            TrafficStats t = m.traffic();
            b.append("<tr class=\"migration\" data-version=\"").append(esc(m.version())).append("\">")
                    .append("<td class=\"l\">V").append(esc(m.version())).append("</td><td class=\"l\">")
                    .append(esc(m.description())).append(m.error() == null ? "" : " <span class=\"bad\">FAILED</span>")
                    .append("</td><td>").append(TrafficStats.ms(m.durationNanos())).append("</td><td class=\"l\">")
                    .append("<span class=\"bar\" style=\"width:").append(Math.max(1, 200 * m.durationNanos() / longest))
                    .append("px\"></span></td><td>").append(SampleResult.activeFindings(m)).append("</td>")
                    .append(cell(t == null ? "-" : String.valueOf(t.served())))
                    .append(cell(t == null ? "-" : TrafficStats.ms(t.p99Nanos())))
                    .append(cell(t == null ? "-" : TrafficStats.ms(t.longestNanos())))
                    .append(cell(t == null ? "-" : String.valueOf(t.errors()))).append("</tr>");
            for (Finding f : m.findings()) {
                b.append("<tr><td></td><td class=\"f\" colspan=\"8\">").append(f.suppressed() ? "suppressed " : "")
                        .append(esc(f.severity().name().toLowerCase(Locale.ROOT))).append(" [").append(esc(f.ruleId()))
                        .append("] line ").append(f.line()).append(": ").append(esc(f.message())).append("</td></tr>");
            }
        }
        b.append("</table>");
        for (String note : r.notes()) {
            b.append("<pre class=\"note\">").append(esc(note)).append("</pre>");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void trafficRow(StringBuilder b, String label, TrafficStats t) {
        b.append("<tr><td class=\"l\">").append(label).append("</td>").append(cell(String.valueOf(t.served())))
                .append(cell(String.format(Locale.ROOT, "%.0f", t.requestsPerSecond()))).append(cell(TrafficStats.ms(t.p50Nanos())))
                .append(cell(TrafficStats.ms(t.p99Nanos()))).append(cell(TrafficStats.ms(t.longestNanos())))
                .append(cell(String.valueOf(t.errors()))).append("</tr>");
    }

    private static String cell(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
