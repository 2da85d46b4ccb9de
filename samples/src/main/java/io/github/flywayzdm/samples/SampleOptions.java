package io.github.flywayzdm.samples;

import java.nio.file.Path;

/**
 * Command-line options of the sample.
 *
 * @param orders    rows in orders (customers get a tenth)
 * @param threads   simulated application threads
 * @param naive     run the naive (article's dangerous) migrations instead, to show them refused
 * @param reportDir where the HTML report goes
 */
record SampleOptions(long orders, int threads, boolean naive, Path reportDir) {

    static final long DEFAULT_ORDERS = 1_000_000;

    static SampleOptions parse(String... args) {
        long orders = DEFAULT_ORDERS;
        int threads = 4;
        boolean naive = false;
        Path reportDir = Path.of("target", "zdm-sample");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--orders" -> orders = parseCount(value(args, ++i, arg));
                case "--large" -> orders = 10_000_000;
                case "--threads" -> threads = parseThreads(value(args, ++i, arg));
                case "--naive" -> naive = true;
                case "--report-dir" -> reportDir = Path.of(value(args, ++i, arg));
                case "--pg-version" -> System.setProperty("zdm.pg.version", value(args, ++i, arg));
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("Unknown option " + arg);
            }
        }
        if (orders < 1000) {
            throw new UsageException("--orders must be at least 1000");
        }
        return new SampleOptions(orders, threads, naive, reportDir);
    }

    long customers() {
        return Math.max(100, orders / 10);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    static int parseThreads(String raw) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads must be a whole number of at least 1, got '" + raw + "'");
    }

    /** Accepts 1000000, 1_000_000, 1m, 10M, 200k. */
    static long parseCount(String raw) {
        String s = raw.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        long factor = 1;
        if (s.endsWith("m")) {
            factor = 1_000_000;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("k")) {
            factor = 1_000;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Long.parseLong(s) * factor;
        } catch (NumberFormatException e) {
            throw new UsageException("Not a row count: " + raw);
        }
    }

    static final String USAGE = """
            Usage: mvn -q -pl samples -am compile exec:java [-Dexec.args="OPTIONS"]
              --orders N       rows in orders (default 1m; customers get a tenth); accepts 200k, 1m, 10m
              --large          10 million orders
              --threads N      simulated application threads (default 4)
              --naive          run the article's naive migrations and watch flyway-zdm refuse them
              --pg-version N   embedded PostgreSQL major, 13..18 (default 17)
              --report-dir D   where report.html goes (default target/zdm-sample)
            Set ZDM_SAMPLE_JDBC_URL (+ ZDM_SAMPLE_USER, ZDM_SAMPLE_PASSWORD) to use your own server.""";

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
