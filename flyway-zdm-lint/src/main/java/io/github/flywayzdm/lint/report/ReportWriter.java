package io.github.flywayzdm.lint.report;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link LintReport} in any {@link ReportFormat}. Stateless. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static String render(LintReport report, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(report);
            case JSON -> json(report);
            case SARIF -> sarif(report);
            case JUNIT -> junit(report);
            case GITHUB -> github(report);
            case GITLAB -> gitlab(report);
        };
    }

    public static void write(LintReport report, ReportFormat format, Appendable out) {
        try {
            out.append(render(report, format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lower(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String text(LintReport report) {
        return new TextReport().findings(report.findings()) + TextReport.end(report);
    }

    static String json(LintReport report) {
        StringBuilder b = new StringBuilder("{\n  \"tool\": \"flyway-zdm\",\n");
        b.append("  \"summary\": {\"files\": ").append(report.files()).append(", \"statements\": ").append(report.statements())
                .append(", \"unparsed\": ").append(report.unparsed()).append(", \"errors\": ").append(report.count(Severity.ERROR))
                .append(", \"warnings\": ").append(report.count(Severity.WARNING)).append(", \"infos\": ").append(report.count(Severity.INFO))
                .append(", \"failed\": ").append(report.failed()).append(", \"elapsedMillis\": ").append(report.elapsed().toMillis()).append("},\n");
        b.append("  \"findings\": [");
        List<Finding> all = report.findings();
        for (int i = 0; i < all.size(); i++) {
            Finding f = all.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"rule\": ").append(Json.str(f.ruleId())).append(", \"severity\": ")
                    .append(Json.str(lower(f.severity()))).append(", \"file\": ").append(Json.str(f.file())).append(", \"line\": ")
                    .append(f.line()).append(", \"column\": ").append(f.column()).append(", \"message\": ").append(Json.str(f.message()))
                    .append(", \"why\": ").append(Json.str(f.why())).append(", \"safeAlternative\": ").append(Json.str(f.safeAlternative()))
                    .append(", \"statement\": ").append(Json.str(f.excerpt())).append(", \"fingerprint\": ").append(Json.str(Fingerprints.of(f)))
                    .append(", \"suppressed\": ").append(f.suppressed());
            if (f.suppressed()) {
                b.append(", \"suppression\": {\"reason\": ").append(Json.str(f.suppression().reason())).append(", \"line\": ")
                        .append(f.suppression().line()).append(", \"fileWide\": ").append(f.suppression().fileWide()).append('}');
            }
            b.append('}');
        }
        return b.append(all.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    static String sarif(LintReport report) {
        List<RuleInfo> rules = Linter.rules();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).id(), i);
        }
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n");
        b.append("    \"tool\": {\"driver\": {\"name\": \"flyway-zdm\", \"informationUri\": \"https://github.com/flyway-zdm/flyway-zdm\", \"rules\": [");
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("      {\"id\": ").append(Json.str(r.id())).append(", \"name\": ").append(Json.str(r.id()))
                    .append(", \"shortDescription\": {\"text\": ").append(Json.str(r.summary())).append("}, \"fullDescription\": {\"text\": ")
                    .append(Json.str(r.why())).append("}, \"help\": {\"text\": ").append(Json.str("Safe alternative:\n" + r.safeAlternative()))
                    .append("}, \"defaultConfiguration\": {\"level\": ").append(Json.str(level(r.defaultSeverity()))).append("}}");
        }
        b.append("\n    ]}},\n    \"originalUriBaseIds\": {\"SRCROOT\": {\"description\": {\"text\": \"the directory the paths are relative to\"}}},\n");
        b.append("    \"results\": [");
        List<Finding> all = report.findings();
        for (int i = 0; i < all.size(); i++) {
            Finding f = all.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("      {\"ruleId\": ").append(Json.str(f.ruleId()));
            Integer ruleIndex = index.get(f.ruleId());
            if (ruleIndex != null) {
                b.append(", \"ruleIndex\": ").append(ruleIndex);
            }
            b.append(", \"level\": ").append(Json.str(level(f.severity()))).append(", \"message\": {\"text\": ")
                    .append(Json.str(f.message() + "\n" + f.why() + "\nSafe alternative:\n" + f.safeAlternative())).append("}, ")
                    .append("\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ").append(Json.str(uri(f.file())))
                    .append(", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": ").append(f.line()).append(", \"startColumn\": ")
                    .append(f.column()).append("}}}], \"partialFingerprints\": {\"zdmFingerprint/v1\": ").append(Json.str(Fingerprints.of(f)))
                    .append('}');
            if (f.suppressed()) {
                b.append(", \"suppressions\": [{\"kind\": \"inSource\", \"justification\": ").append(Json.str(f.suppression().reason())).append("}]");
            }
            b.append('}');
        }
        return b.append(all.isEmpty() ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n").toString();
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Relative paths as URI references (forward slashes, spaces and the like percent-encoded). */
    private static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "/-._~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    static String junit(LintReport report) {
        Map<String, List<Finding>> byFile = report.active().stream()
                .collect(Collectors.groupingBy(Finding::file, LinkedHashMap::new, Collectors.toList()));
        long failures = report.active().size();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"flyway-zdm lint\" tests=\"").append(Math.max(byFile.size(), 1)).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" time=\"").append(report.elapsed().toMillis() / 1000.0).append("\">\n");
        if (byFile.isEmpty()) {
            b.append("  <testcase classname=\"flyway-zdm\" name=\"").append(xml(report.summary())).append("\"/>\n");
        }
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            b.append("  <testcase classname=\"flyway-zdm\" name=\"").append(xml(e.getKey())).append("\">\n");
            for (Finding f : e.getValue()) {
                b.append("    <failure type=\"").append(xml(f.ruleId())).append("\" message=\"").append(xml(lower(f.severity()) + ": " + f.message()))
                        .append("\">").append(xml(f.file() + ":" + f.line() + ":" + f.column() + "\n" + f.excerpt() + "\nwhy: " + f.why()
                                + "\nfix: " + f.safeAlternative())).append("</failure>\n");
            }
            b.append("  </testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String github(LintReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.active()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            b.append("::").append(command).append(" file=").append(property(f.file())).append(",line=").append(f.line()).append(",col=")
                    .append(f.column()).append(",title=").append(property(f.ruleId())).append("::")
                    .append(data(f.message() + "\n" + f.safeAlternative())).append('\n');
        }
        return ControlChars.escape(b.toString());
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String gitlab(LintReport report) {
        StringBuilder b = new StringBuilder("[");
        List<Finding> active = report.active();
        for (int i = 0; i < active.size(); i++) {
            Finding f = active.get(i);
            String severity = switch (f.severity()) {
                case ERROR -> "major";
                case WARNING -> "minor";
                case INFO -> "info";
            };
            b.append(i == 0 ? "\n" : ",\n").append("  {\"description\": ").append(Json.str(f.ruleId() + ": " + f.message()))
                    .append(", \"check_name\": ").append(Json.str(f.ruleId())).append(", \"fingerprint\": ").append(Json.str(Fingerprints.of(f)))
                    .append(", \"severity\": ").append(Json.str(severity)).append(", \"location\": {\"path\": ").append(Json.str(f.file()))
                    .append(", \"lines\": {\"begin\": ").append(f.line()).append("}}}");
        }
        return b.append(active.isEmpty() ? "]\n" : "\n]\n").toString();
    }
}
