package io.github.flywayzdm.samples;

import io.github.flywayzdm.lint.Finding;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the sample measured: per migration its duration, the guard, the linter's findings and what the traffic
 * saw while it ran; plus the traffic before any migration, as the baseline.
 */
record SampleResult(SampleOptions options, String server, long seedNanos, List<MigrationRow> migrations,
                    TrafficStats baseline, TrafficStats duringMigrations, String guard, boolean success,
                    List<String> notes) {

    /** One migration and what happened around it. */
    record MigrationRow(String version, String description, long durationNanos, String error, List<Finding> findings,
                        TrafficStats traffic) {
    }

    static SampleResult of(SampleOptions options, SampleDatabase db, long seedNanos, List<MigrationTimeline.Entry> timeline,
                           RequestLog log, long baselineFrom, long baselineTo, List<MigrateResult> runs, Guard guard,
                           String location) {
        Map<String, List<Finding>> findings = SampleLint.findingsByScript(location);
        List<MigrationRow> rows = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        for (MigrationTimeline.Entry e : timeline) {
            boolean underTraffic = e.startNanos() >= baselineFrom;
            if (underTraffic) {
                first = Math.min(first, e.startNanos());
                last = Math.max(last, e.endNanos());
            }
            rows.add(new MigrationRow(e.version(), e.description(), e.durationNanos(), e.error(),
                    findings.getOrDefault(e.script(), List.of()),
                    underTraffic ? log.window(e.startNanos(), e.endNanos()) : null));
        }
        boolean success = runs.stream().allMatch(r -> r.success) && timeline.stream().allMatch(e -> e.error() == null);
        TrafficStats during = first == Long.MAX_VALUE ? log.window(0, 0) : log.window(first, last);
        return new SampleResult(options, db.description(), seedNanos, rows, log.window(baselineFrom, baselineTo), during,
                guard.description(), success, List.of());
    }

    SampleResult withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new SampleResult(options, server, seedNanos, migrations, baseline, duringMigrations, guard, success, all);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nSeeded %,d orders and %,d customers in %.1f s; %d application threads; guard: %s%n",
                options.orders(), options.customers(), seedNanos / 1e9, options.threads(), guard);
        out.printf(Locale.ROOT, "%-5s %-40s %10s %9s %10s %10s %11s %7s%n", "ver", "migration", "duration", "findings",
                "requests", "p99", "longest", "errors");
        for (MigrationRow m : migrations) {
            TrafficStats t = m.traffic();
            out.printf(Locale.ROOT, "%-5s %-40s %10s %9s %10s %10s %11s %7s%s%n", m.version(), shorten(m.description(), 40),
                    TrafficStats.ms(m.durationNanos()), activeFindings(m),
                    t == null ? "-" : String.valueOf(t.served()), t == null ? "-" : TrafficStats.ms(t.p99Nanos()),
                    t == null ? "-" : TrafficStats.ms(t.longestNanos()), t == null ? "-" : String.valueOf(t.errors()),
                    m.error() == null ? "" : "  FAILED");
        }
        out.printf(Locale.ROOT, "%nTraffic before migrating : %s%n", describe(baseline));
        out.printf(Locale.ROOT, "Traffic while migrating  : %s%n", describe(duringMigrations));
        for (String e : duringMigrations.sampleErrors()) {
            out.println("  error: " + e);
        }
        for (String note : notes) {
            out.println();
            out.println(note);
        }
    }

    static long activeFindings(MigrationRow m) {
        return m.findings().stream().filter(f -> !f.suppressed()).count();
    }

    private static String describe(TrafficStats t) {
        return String.format(Locale.ROOT, "%,d requests (%.0f/s), p50 %s, p99 %s, longest %s, %d errors", t.served(),
                t.requestsPerSecond(), TrafficStats.ms(t.p50Nanos()), TrafficStats.ms(t.p99Nanos()),
                TrafficStats.ms(t.longestNanos()), t.errors());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
