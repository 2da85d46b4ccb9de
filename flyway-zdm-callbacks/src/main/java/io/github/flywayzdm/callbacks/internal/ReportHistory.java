package io.github.flywayzdm.callbacks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every run's report in {@code reportDirectory}, so a retried or repeated migrate keeps the failed attempt and its
 * blockers: {@code runs/<id>.json} and {@code runs/<id>.html} per run (the newest {@value #DEFAULT_KEEP} are kept),
 * {@code zdm-runs.json} listing them newest first, {@code zdm-report.html} showing them all, and
 * {@code zdm-report.json}, the latest run.
 */
public final class ReportHistory {

    public static final String JSON_FILE = "zdm-report.json";
    public static final String HTML_FILE = "zdm-report.html";
    public static final String INDEX_FILE = "zdm-runs.json";
    static final String RUNS = "runs";
    static final int DEFAULT_KEEP = 50;

    /** The head lines RunReport.json() writes first, one field a line. */
    private static final Pattern HEAD = Pattern.compile("(?m)^  \"(id|started|outcome|migrationCount)\": (.*?),?$");

    private final Path dir;
    private final int keep;

    public ReportHistory(Path dir) {
        this(dir, DEFAULT_KEEP);
    }

    ReportHistory(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** Adds {@code run}, drops the runs beyond the newest {@code keep}, rewrites the index and the HTML page. */
    public void write(RunReport run) throws IOException {
        Path runs = Files.createDirectories(dir.resolve(RUNS));
        String json = run.json();
        Files.writeString(runs.resolve(run.id() + ".json"), json, StandardCharsets.UTF_8);
        Files.writeString(runs.resolve(run.id() + ".html"), run.htmlSection(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JSON_FILE), json, StandardCharsets.UTF_8);

        List<String> ids = ids(runs);
        for (String old : ids.subList(Math.min(keep, ids.size()), ids.size())) {
            Files.deleteIfExists(runs.resolve(old + ".json"));
            Files.deleteIfExists(runs.resolve(old + ".html"));
        }
        ids = ids.subList(0, Math.min(keep, ids.size()));

        StringBuilder index = new StringBuilder("{\n  \"tool\": \"flyway-zdm\",\n  \"runs\": [");
        StringBuilder sections = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            index.append(i == 0 ? "\n" : ",\n").append("    {").append(head(runs.resolve(id + ".json")))
                    .append(", \"file\": \"").append(RUNS).append('/').append(id).append(".json\"}");
            Path section = runs.resolve(id + ".html");
            if (Files.exists(section)) {
                sections.append(Files.readString(section, StandardCharsets.UTF_8));
            }
        }
        index.append("\n  ]\n}\n");
        Files.writeString(dir.resolve(INDEX_FILE), index, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML_FILE), page(ids.size(), sections), StandardCharsets.UTF_8);
    }

    /** Run ids, newest first (they sort by start time). */
    private static List<String> ids(Path runs) throws IOException {
        try (Stream<Path> files = Files.list(runs)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted(Comparator.reverseOrder()).toList();
        }
    }

    /** {@code "id": ..., "started": ..., ...} copied from a run file's head (already JSON). */
    private static String head(Path file) throws IOException {
        String text;
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[2048];
            int n = in.read(buf);
            text = n < 0 ? "" : new String(buf, 0, n);
        }
        List<String> fields = new ArrayList<>();
        Matcher m = HEAD.matcher(text);
        while (m.find()) {
            fields.add("\"" + m.group(1) + "\": " + m.group(2));
        }
        return String.join(", ", fields);
    }

    private static String page(int runs, CharSequence sections) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>flyway-zdm migrate report</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}"
                + "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}"
                + ".bar{height:12px;background:#4a90d9;min-width:2px}.failed .bar,.refused .bar{background:#d9534f}"
                + ".failed td,.refused td{background:#fdf0f0}small{color:#666}code{font-size:12px}.guards{white-space:nowrap}"
                + "section.run{border-top:3px solid #4a90d9;margin-top:2em}section.run.failed,section.run.refused{border-top-color:#d9534f}"
                + ".error{color:#a33}</style></head><body>\n"
                + "<h1>flyway-zdm migrate report</h1>\n<p>" + runs + (runs == 1 ? " run" : " runs")
                + ", newest first (every attempt is kept; the oldest beyond " + DEFAULT_KEEP + " are dropped)</p>\n"
                + sections + "</body></html>\n";
    }
}
