package io.github.flywayzdm.samples;

import org.flywaydb.core.Flyway;

import java.util.ArrayList;
import java.util.List;

/**
 * The article's story done right, under live traffic: expand/contract rename, NOT NULL with default, a concurrent
 * index and a NOT VALID foreign key, each migration guarded by flyway-zdm.
 */
final class ZeroDowntimeStory {

    static final String LOCATION = "classpath:db/sample";
    /** The application rolls out a version between these runs, as a real deployment would. */
    private static final String SETUP_TARGET = "2";
    private static final String EXPAND_TARGET = "13";
    private static final String BOTH_COLUMNS_TARGET = "16";

    private ZeroDowntimeStory() {
    }

    static SampleResult run(SampleDatabase db, SampleOptions options, Guard guard) throws Exception {
        StoryStart story = StoryStart.begin(db, options, guard, LOCATION, SETUP_TARGET, 2000);
        try {
            story.migrate(db, guard, LOCATION, EXPAND_TARGET);
            story.traffic.switchTo(Traffic.AppVersion.V2_BOTH);
            story.migrate(db, guard, LOCATION, BOTH_COLUMNS_TARGET);
            story.traffic.switchTo(Traffic.AppVersion.V3_FULL_NAME);
            story.migrate(db, guard, LOCATION, "latest");
            Thread.sleep(500);
        } finally {
            story.traffic.close();
        }
        return story.result(options, db, guard, LOCATION);
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
