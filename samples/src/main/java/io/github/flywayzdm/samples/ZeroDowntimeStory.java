package io.github.flywayzdm.samples;

import io.github.flywayzdm.backfill.BackfillJobs;
import io.github.flywayzdm.backfill.BackfillStatus;
import io.github.flywayzdm.backfill.BackfillWorker;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The article's story done right, under live traffic: expand/contract rename, NOT NULL with default (its backfill in
 * the background, run by the application's instances), a concurrent index and a NOT VALID foreign key, each migration
 * guarded by flyway-zdm.
 */
final class ZeroDowntimeStory {

    static final String LOCATION = "classpath:db/sample";
    /** The application rolls out a version between these runs, as a real deployment would. */
    private static final String SETUP_TARGET = "2";
    /**
     * Up to V7: the expand steps; V7 queues the orders.status backfill and returns at once. V8's CHECK (status IS NOT
     * NULL) NOT VALID would refuse the application's updates of rows still NULL, so the next run waits for the job.
     */
    private static final String QUEUE_TARGET = "7";
    /** The application instances whose BackfillWorkers share the queued backfill (one thread each). */
    static final int APP_INSTANCES = 2;
    private static final String EXPAND_TARGET = "13";
    private static final String BOTH_COLUMNS_TARGET = "16";

    private ZeroDowntimeStory() {
    }

    static SampleResult run(SampleDatabase db, SampleOptions options, Guard guard) throws Exception {
        StoryStart story = StoryStart.begin(db, options, guard, LOCATION, SETUP_TARGET, 2000);
        List<BackfillWorker> instances = new ArrayList<>();
        String backgroundNote;
        try {
            for (int i = 0; i < APP_INSTANCES; i++) {
                instances.add(BackfillWorker.create(db.dataSource()).threads(1).pollInterval(Duration.ofMillis(200)).start());
            }
            long migrateStarted = System.nanoTime();
            story.migrate(db, guard, LOCATION, QUEUE_TARGET);
            long queued = System.nanoTime();
            BackfillStatus done = awaitBackground(db, V7_ID, Duration.ofMinutes(30));
            double v7Millis = story.timeline.entries().stream().filter(e -> e.version().equals(QUEUE_TARGET))
                    .mapToLong(MigrationTimeline.Entry::durationNanos).sum() / 1e6;
            backgroundNote = String.format(Locale.ROOT, "Background backfill %s: V%s queued it in %.0f ms (that migrate run, V3-V%s, "
                            + "returned in %.1f s); the application's %d instances then updated %,d rows in %.1f s under traffic "
                            + "(status %s); V7.5 verified it before V8 relied on it.",
                    V7_ID, QUEUE_TARGET, v7Millis, QUEUE_TARGET, (queued - migrateStarted) / 1e9, APP_INSTANCES, done.rowsDone(),
                    (System.nanoTime() - queued) / 1e9, done.status());
            story.migrate(db, guard, LOCATION, EXPAND_TARGET);
            story.traffic.switchTo(Traffic.AppVersion.V2_BOTH);
            story.migrate(db, guard, LOCATION, BOTH_COLUMNS_TARGET);
            story.traffic.switchTo(Traffic.AppVersion.V3_FULL_NAME);
            story.migrate(db, guard, LOCATION, "latest");
            Thread.sleep(500);
        } finally {
            for (BackfillWorker worker : instances) {
                worker.stop();
            }
            story.traffic.close();
        }
        return story.result(options, db, guard, LOCATION).withNotes(List.of(backgroundNote));
    }

    static final String V7_ID = "orders-status";

    /** Waits as a deploy pipeline would before the contract release: until the instances have finished the job. */
    private static BackfillStatus awaitBackground(SampleDatabase db, String id, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try (Connection c = db.dataSource().getConnection()) {
                for (BackfillStatus s : BackfillJobs.in(null).status(c)) {
                    if (s.id().equals(id) && !s.status().equals("running") && !s.status().equals("paused")) {
                        return s; // done, or failed/cancelled: V7.5 then refuses with the reason
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("background backfill " + id + " did not finish in " + atMost.toMinutes() + " minutes");
            }
            Thread.sleep(200);
        }
    }

    static Flyway flyway(SampleDatabase db, Guard guard, MigrationTimeline timeline, String target) {
        return flyway(db, guard, timeline, LOCATION, target);
    }

    /** Flyway as the sample runs it: the guard's callbacks and settings, the timeline, one location, a target. */
    static Flyway flyway(SampleDatabase db, Guard guard, MigrationTimeline timeline, String location, String target) {
        java.util.Map<String, String> settings = new java.util.HashMap<>(guard.flywaySettings());
        // CONCURRENTLY cannot run while Flyway holds its lock in a transaction: it would wait forever.
        settings.put("flyway.postgresql.transactional.lock", "false");
        List<org.flywaydb.core.api.callback.Callback> callbacks = new ArrayList<>(guard.callbacks());
        callbacks.add(timeline);
        return Flyway.configure()
                .configuration(settings)
                .dataSource(db.dataSource())
                .locations(location)
                .target(target)
                .callbacks(callbacks.toArray(org.flywaydb.core.api.callback.Callback[]::new))
                .load();
    }
}
