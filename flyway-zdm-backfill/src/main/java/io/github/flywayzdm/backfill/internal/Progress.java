package io.github.flywayzdm.backfill.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/** Logs rows done, rate and ETA at most once per interval. */
final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");

    private final String name;
    private final long estimatedTotal;
    private final long startRows;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastLog = started;

    Progress(String name, long estimatedTotal, long startRows, Duration interval) {
        this.name = name;
        this.estimatedTotal = estimatedTotal;
        this.startRows = startRows;
        this.intervalNanos = interval.toNanos();
    }

    void report(long rowsDone, int batchSize) {
        long now = System.nanoTime();
        if (now - lastLog < intervalNanos) {
            return;
        }
        lastLog = now;
        double seconds = (now - started) / 1e9;
        double rate = (rowsDone - startRows) / Math.max(seconds, 1e-9);
        long left = Math.max(0, estimatedTotal - rowsDone);
        LOG.info(String.format(Locale.ROOT, "%s: %,d rows (%.0f%%), %.0f rows/s, batch %d, ETA %s", name, rowsDone,
                estimatedTotal == 0 ? 0 : Math.min(100, 100.0 * rowsDone / estimatedTotal), rate, batchSize,
                rate > 0 ? Duration.ofSeconds((long) (left / rate)) : "unknown"));
    }
}
