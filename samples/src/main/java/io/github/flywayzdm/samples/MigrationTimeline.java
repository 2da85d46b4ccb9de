package io.github.flywayzdm.samples;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.ArrayList;
import java.util.List;

/** A Flyway callback that records when each migration started and ended, to line them up with the traffic. */
final class MigrationTimeline implements Callback {

    /** One migration's window; {@code endNanos} is 0 while it runs, {@code error} null when it succeeded. */
    record Entry(String version, String description, String script, long startNanos, long endNanos, String error) {
        long durationNanos() {
            return endNanos - startNanos;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private Entry running;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        MigrationInfo info = context.getMigrationInfo();
        long now = System.nanoTime();
        if (event == Event.BEFORE_EACH_MIGRATE) {
            running = new Entry(String.valueOf(info.getVersion()), info.getDescription(), info.getScript(), now, 0, null);
        } else if (running != null) {
            String error = event == Event.AFTER_EACH_MIGRATE_ERROR ? "failed" : null;
            entries.add(new Entry(running.version(), running.description(), running.script(), running.startNanos(), now, error));
            running = null;
        }
    }

    @Override
    public String getCallbackName() {
        return "zdm-sample-timeline";
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
