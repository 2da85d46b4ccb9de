package io.github.flywayzdm.samples;

import java.util.List;

/**
 * What the simulated application saw during a time window.
 *
 * @param served       requests that completed
 * @param errors       requests that failed
 * @param p50Nanos     median latency
 * @param p99Nanos     99th percentile latency
 * @param longestNanos the longest request (the longest wait on a lock shows up here)
 * @param windowNanos  length of the window
 * @param sampleErrors up to five error messages
 */
record TrafficStats(int served, int errors, long p50Nanos, long p99Nanos, long longestNanos, long windowNanos,
                    List<String> sampleErrors) {

    double requestsPerSecond() {
        return windowNanos == 0 ? 0 : served * 1e9 / windowNanos;
    }

    static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
