package io.github.flywayzdm.samples;

import org.flywaydb.core.api.output.MigrateResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The part both stories share: the base schema migrated, the tables seeded, traffic running, and a window of
 * traffic before any migration to compare against.
 */
final class StoryStart {

    final MigrationTimeline timeline;
    final List<MigrateResult> runs;
    final Traffic traffic;
    final long seedNanos;
    final long baselineFrom;
    final long baselineTo;

    private StoryStart(MigrationTimeline timeline, List<MigrateResult> runs, Traffic traffic, long seedNanos, long baselineFrom,
                       long baselineTo) {
        this.timeline = timeline;
        this.runs = runs;
        this.traffic = traffic;
        this.seedNanos = seedNanos;
        this.baselineFrom = baselineFrom;
        this.baselineTo = baselineTo;
    }

    /** Migrates {@code location} up to {@code setupTarget}, seeds, starts traffic and records {@code baselineMillis} of it. */
    static StoryStart begin(SampleDatabase db, SampleOptions options, Guard guard, String location, String setupTarget,
                            long baselineMillis) throws Exception {
        MigrationTimeline timeline = new MigrationTimeline();
        List<MigrateResult> runs = new ArrayList<>();
        runs.add(ZeroDowntimeStory.flyway(db, guard, timeline, location, setupTarget).migrate());
        long started = System.nanoTime();
        SampleData.seed(db.dataSource(), options.customers(), options.orders());
        long seeded = System.nanoTime() - started;
        Traffic traffic = new Traffic(db.dataSource(), options.threads(), options.orders(), options.customers());
        traffic.start();
        long from = System.nanoTime();
        Thread.sleep(baselineMillis);
        return new StoryStart(timeline, runs, traffic, seeded, from, System.nanoTime());
    }

    /** Runs one more {@code migrate} up to {@code target} with the same timeline. */
    void migrate(SampleDatabase db, Guard guard, String location, String target) {
        runs.add(ZeroDowntimeStory.flyway(db, guard, timeline, location, target).migrate());
    }

    SampleResult result(SampleOptions options, SampleDatabase db, Guard guard, String location) {
        return SampleResult.of(options, db, seedNanos, timeline.entries(), traffic.log(), baselineFrom, baselineTo, runs,
                guard, location);
    }
}
