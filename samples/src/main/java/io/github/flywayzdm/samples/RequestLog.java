package io.github.flywayzdm.samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every request the traffic made: when it started, how long it took, and the errors. Thread-safe. */
final class RequestLog {

    private long[] starts = new long[1 << 16];
    private long[] durations = new long[1 << 16];
    private int size;
    private final List<String> errors = new ArrayList<>();
    private final List<Long> errorTimes = new ArrayList<>();

    synchronized void ok(long startNanos, long endNanos) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            durations = Arrays.copyOf(durations, size * 2);
        }
        starts[size] = startNanos;
        durations[size] = endNanos - startNanos;
        size++;
    }

    synchronized void error(long startNanos, String message) {
        errorTimes.add(startNanos);
        errors.add(message);
    }

    /** What the traffic saw for requests that started in [from, to). */
    synchronized TrafficStats window(long fromNanos, long toNanos) {
        long[] window = new long[size];
        int n = 0;
        long longest = 0;
        for (int i = 0; i < size; i++) {
            if (starts[i] >= fromNanos && starts[i] < toNanos) {
                window[n++] = durations[i];
                longest = Math.max(longest, durations[i]);
            }
        }
        // a request still waiting when the window closed counts too: its end is unknown, so it is an error or
        // a later ok() whose start lies in the window, which the loop above already saw
        long[] sorted = Arrays.copyOf(window, n);
        Arrays.sort(sorted);
        int errorCount = 0;
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < errorTimes.size(); i++) {
            if (errorTimes.get(i) >= fromNanos && errorTimes.get(i) < toNanos) {
                errorCount++;
                if (messages.size() < 5) {
                    messages.add(errors.get(i));
                }
            }
        }
        return new TrafficStats(n, errorCount, percentile(sorted, 0.50), percentile(sorted, 0.99), longest,
                (toNanos - fromNanos), messages);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
