package io.github.flywayzdm.backfill.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Rows done, share done, rate and ETA: a one-line bar redrawn in place when run from a terminal, else a log line at
 * most once per interval; and, however short the run, one summary line at the end. The share comes from a fresh row
 * count or from the key range walked ({@link RowEstimate}); without either it says the total is unknown instead of
 * printing a wrong percentage. Shared by parallel workers.
 */
final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.flywayzdm.backfill");
    private static final long BAR_INTERVAL = Duration.ofMillis(200).toNanos();

    private final String name;
    private final RowEstimate estimate;
    private final long startRows;
    private final long intervalNanos;
    private final PrintStream terminal;
    private final Consumer<String> log;
    private final long started = System.nanoTime();
    private long lastReport = started;
    private boolean barShown;
    private double startKeyShare;
    private double keyShare;

    Progress(String name, RowEstimate estimate, long startRows, Duration interval) {
        this(name, estimate, startRows, interval, System.console() != null ? System.err : null, defaultLog());
    }

    /** {@code terminal}: where to draw the bar, or null to log instead; {@code log}: where lines and the summary go. */
    Progress(String name, RowEstimate estimate, long startRows, Duration interval, PrintStream terminal, Consumer<String> log) {
        this.name = name;
        this.estimate = estimate;
        this.startRows = startRows;
        this.intervalNanos = interval.toNanos();
        this.terminal = terminal;
        this.log = log;
    }

    /** Without an SLF4J binding (the Flyway command line has none) the lines would vanish: print them to stderr. */
    private static Consumer<String> defaultLog() {
        return LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory ? System.err::println : LOG::info;
    }

    RowEstimate estimate() {
        return estimate;
    }

    /** The share of the key range an earlier run already walked (when resuming). */
    synchronized void walkedBefore(double share) {
        startKeyShare += share;
        keyShare += share;
    }

    /** A committed batch that walked keys after {@code last} up to {@code next}. */
    synchronized void report(long rowsDone, int batchSize, String[] last, String[] next) {
        if (estimate.byKeys()) {
            keyShare += estimate.keyShare(last, next);
        }
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
            log.accept(name + ": " + line(rowsDone, now) + ", batch " + batchSize);
        }
    }

    /** Ends the bar's line (if one was drawn), then prints the run's summary. */
    synchronized void finish(long rowsDone, String summary) {
        if (terminal != null && barShown) {
            terminal.println("\r" + bar(rowsDone, System.nanoTime()));
        }
        log.accept(summary);
    }

    String bar(long rowsDone, long now) {
        double share = share(rowsDone);
        int filled = Double.isNaN(share) ? 0 : (int) Math.round(share * 30);
        return "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + line(rowsDone, now);
    }

    /** Share done, or NaN when unknown. */
    private double share(long rowsDone) {
        return estimate.byRows() ? (estimate.rows() == 0 ? 1 : Math.min(1.0, (double) rowsDone / estimate.rows()))
                : estimate.byKeys() ? Math.min(1.0, keyShare) : Double.NaN;
    }

    private double startShare() {
        return estimate.byRows() ? (estimate.rows() == 0 ? 1 : Math.min(1.0, (double) startRows / estimate.rows())) : startKeyShare;
    }

    private String line(long rowsDone, long now) {
        double seconds = (now - started) / 1e9;
        double rate = (rowsDone - startRows) / Math.max(seconds, 1e-9);
        double share = share(rowsDone);
        if (Double.isNaN(share)) {
            return String.format(Locale.ROOT, "%,d rows (total unknown: the table's statistics are stale), %,.0f rows/s", rowsDone, rate);
        }
        double gained = share - startShare();
        return String.format(Locale.ROOT, "%,d rows (%.0f%%%s), %,.0f rows/s, ETA %s", rowsDone, 100 * share,
                estimate.byKeys() ? " of the key range" : "", rate,
                gained > 0 ? eta((long) (seconds * (1 - share) / gained)) : "unknown");
    }

    private static String eta(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
