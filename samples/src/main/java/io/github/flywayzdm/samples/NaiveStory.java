package io.github.flywayzdm.samples;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintReport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The failure path: the same changes written the naive way (the article's "dangerous" forms and its one-transaction
 * backfill). The build-time linter lists every problem; the migrate-time guard refuses the first unsafe migration
 * before it runs, so the traffic never notices.
 */
final class NaiveStory {

    static final String LOCATION = "classpath:db/naive";

    private NaiveStory() {
    }

    static SampleResult run(SampleDatabase db, SampleOptions options, Guard guard) throws Exception {
        LintReport lint = SampleLint.lint(LOCATION, LintConfig.builder().lockTimeoutByRunner(true).build());
        MigrationTimeline timeline = new MigrationTimeline();
        List<MigrateResult> runs = new ArrayList<>();
        runs.add(flyway(db, guard, timeline, "2").migrate());
        long started = System.nanoTime();
        SampleData.seed(db.dataSource(), options.customers(), options.orders());
        long seeded = System.nanoTime() - started;

        Traffic traffic = new Traffic(db.dataSource(), options.threads(), options.orders(), options.customers());
        traffic.start();
        long baselineFrom = System.nanoTime();
        Thread.sleep(1000);
        long baselineTo = System.nanoTime();
        String refusal;
        try {
            runs.add(flyway(db, guard, timeline, "latest").migrate());
            refusal = "The guard did NOT refuse the naive migrations.";
        } catch (FlywayException e) {
            refusal = "flyway migrate refused by flyway-zdm:\n" + e.getMessage();
        } finally {
            traffic.close();
        }
        return SampleResult.of(options, db, seeded, timeline.entries(), traffic.log(), baselineFrom, baselineTo, runs,
                        guard, LOCATION)
                .withNotes(List.of("flyway-zdm lint over " + LOCATION + ": " + lint.summary() + "\n" + compilerStyle(lint), refusal));
    }

    static String compilerStyle(LintReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.active()) {
            b.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().name().toLowerCase(java.util.Locale.ROOT)).append('[').append(f.ruleId())
                    .append("] ").append(f.message()).append('\n');
        }
        return b.toString();
    }

    private static Flyway flyway(SampleDatabase db, Guard guard, MigrationTimeline timeline, String target) {
        return ZeroDowntimeStory.flyway(db, guard, timeline, LOCATION, target);
    }
}
