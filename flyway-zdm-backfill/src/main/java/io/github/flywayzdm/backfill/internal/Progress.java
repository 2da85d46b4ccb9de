package io.github.flywayzdm.backfill.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Rows done, rate and ETA: a one-line bar redrawn in place when run from a terminal, else a log line at most once per
 * interval. Shared by parallel workers.
 */
final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");
    private static final long BAR_INTERVAL = Duration.ofMillis(200).toNanos();

    private final String name;
    private final long estimatedTotal;
    private final long startRows;
    private final long intervalNanos;
    private final PrintStream terminal;
    private final long started = System.nanoTime();
    private long lastReport = started;
    private boolean barShown;

    Progress(String name, long estimatedTotal, long startRows, Duration interval) {
        this(name, estimatedTotal, startRows, interval, System.console() != null ? System.err : null);
    }

    /** {@code terminal}: where to draw the bar, or null to log instead. */
    Progress(String name, long estimatedTotal, long startRows, Duration interval, PrintStream terminal) {
        this.name = name;
        this.estimatedTotal = estimatedTotal;
        this.startRows = startRows;
        this.intervalNanos = interval.toNanos();
        this.terminal = terminal;
    }

    synchronized void report(long rowsDone, int batchSize) {
        long now = System.nanoTime();
        if (now - lastReport < (terminal != null ? BAR_INTERVAL : intervalNanos)) {
            return;
        }
        lastReport = now;
        if (terminal != null) {
            terminal.print("\r" + bar(rowsDone, now) + " ");
            terminal.flush();
            barShown = true;
        } else {
            LOG.info("{}: {}, batch {}", name, line(rowsDone, now), batchSize);
        }
    }

    /** Ends the bar's line, so the next log line starts clean. */
    synchronized void finish(long rowsDone) {
        if (terminal != null && barShown) {
            terminal.println("\r" + bar(rowsDone, System.nanoTime()));
        }
    }

    String bar(long rowsDone, long now) {
        double fraction = estimatedTotal == 0 ? 0 : Math.min(1.0, (double) rowsDone / estimatedTotal);
        int filled = (int) Math.round(fraction * 30);
        return "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + line(rowsDone, now);
    }

    private String line(long rowsDone, long now) {
        double seconds = (now - started) / 1e9;
        double rate = (rowsDone - startRows) / Math.max(seconds, 1e-9);
        long left = Math.max(0, estimatedTotal - rowsDone);
        return String.format(Locale.ROOT, "%,d rows (%.0f%%), %,.0f rows/s, ETA %s", rowsDone,
                estimatedTotal == 0 ? 0 : Math.min(100, 100.0 * rowsDone / estimatedTotal), rate,
                rate > 0 ? eta((long) (left / rate)) : "unknown");
    }

    private static String eta(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
