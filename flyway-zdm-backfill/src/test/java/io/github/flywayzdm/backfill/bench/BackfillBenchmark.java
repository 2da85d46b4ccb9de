package io.github.flywayzdm.backfill.bench;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Backfills a column of a table of N rows (default 10 million) while an application reads and writes random rows,
 * with each approach of {@link Approach}, R times each (default 3), on an embedded PostgreSQL with production-like
 * durability (fsync and synchronous commit on). Every cell starts from a freshly loaded table. Not a test: run
 * benchmarks/backfill/run.sh.
 */
public final class BackfillBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration BASELINE = Duration.ofSeconds(15);
    /** The machine's cores, read before {@link CorePinning} narrows what this JVM may use. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final EmbeddedPostgresServer server;
    private final long rows;
    private final int clients;
    private final long thinkMicros;
    private final Duration cap;

    private BackfillBenchmark(EmbeddedPostgresServer server, long rows, int clients, long thinkMicros, Duration cap) {
        this.server = server;
        this.rows = rows;
        this.clients = clients;
        this.thinkMicros = thinkMicros;
        this.cap = cap;
    }

    /** Arguments: rows, repetitions, approaches (comma-separated labels), cap in seconds, PostgreSQL major. */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Approach> approaches = Arrays.stream((args.length > 2 ? args[2] : "a,b,c,d").split(",")).map(Approach::byLabel).toList();
        Duration cap = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 600);
        int major = args.length > 4 ? Integer.parseInt(args[4]) : 17;
        System.out.printf(Locale.ROOT, "rows=%,d repetitions=%d approaches=%s cap=%ds pg=%d clients=4 think=1ms%s%n",
                rows, repetitions, approaches.stream().map(a -> a.label).toList(), cap.toSeconds(), major,
                CorePinning.ON ? " pinned: application and server on core 0, worker JVMs and each backfill backend on core 1" : "");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(major, Map.of("fsync", "on", "synchronous_commit", "on",
                "full_page_writes", "on", "shared_buffers", "2GB", "max_wal_size", "16GB", "checkpoint_timeout", "30min"))) {
            BackfillBenchmark bench = new BackfillBenchmark(server, rows, 4, 1_000, cap);
            try (Connection c = bench.connect("setup")) {
                CorePinning.pinApplicationAndServer(c);
            }
            List<Cell> cells = new ArrayList<>();
            for (int rep = 1; rep <= repetitions; rep++) {
                for (Approach approach : approaches) {
                    Cell cell = bench.measure(approach, rep);
                    System.out.println(cell.line());
                    cells.add(cell);
                }
            }
            System.out.println();
            System.out.println(Cell.medians(approaches, cells));
        }
    }

    private Cell measure(Approach approach, int rep) throws Exception {
        long loadStarted = System.nanoTime();
        try (Connection c = connect("setup")) {
            load(c);
        }
        System.out.printf(Locale.ROOT, "%s rep %d: loaded %,d rows in %.0f s%n", approach.label, rep, rows, (System.nanoTime() - loadStarted) / 1e9);
        Observer observer = new Observer(connect("observer"), approach.recordsBatchSize() ? Approach.CHECKPOINT_ID : null);
        Traffic traffic = new Traffic(() -> connect("traffic"), clients, rows, thinkMicros);
        Approach.sleep(WARM_UP);
        long baseFrom = System.nanoTime();
        Approach.sleep(BASELINE);
        long from = System.nanoTime();
        Map<String, Double> cpuBefore = observer.cpuSecondsByRole();
        double machineBusyBefore = machineBusySeconds();
        boolean finished = approach.run(dataSource("backfill"), cap);
        long to = System.nanoTime();
        double machineBusy = machineBusySeconds() - machineBusyBefore;
        Map<String, Double> serverCpu = since(cpuBefore, observer.cpuSecondsByRole()); // at the window's end, as machineBusy
        Approach.sleep(Duration.ofSeconds(1)); // requests the backfill blocked complete and are counted
        traffic.close();
        observer.close();
        try (Connection c = connect("check")) {
            long filled = Approach.count(c, "SELECT count(*) FROM items WHERE amount_cents IS NOT NULL");
            long mismatched = Approach.count(c, "SELECT count(*) FROM items WHERE amount_cents IS DISTINCT FROM amount * 100");
            return new Cell(approach, rep, finished, (to - from) / 1e9, filled, mismatched, traffic.window(baseFrom, from),
                    traffic.window(from, to), traffic.errors.get(), observer.longestLockWaitMs(), observer.transactionDurations(),
                    observer.batchSizes(), serverCpu, machineBusy, observer.backfillStates(),
                    loadAverage());
        }
    }

    /** Server CPU seconds per role used between two readings of {@link Observer#cpuSecondsByRole()}. */
    private static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new HashMap<>(after);
        before.forEach((role, seconds) -> used.merge(role, -seconds, Double::sum));
        return used;
    }

    /** CPU seconds all of the machine's cores have been busy since boot (/proc/stat: user to steal, 100 ticks/s). */
    private static double machineBusySeconds() {
        try {
            String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split(" +");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system (idle iowait) irq softirq steal
                busy += Long.parseLong(cpu[field]);
            }
            return busy / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The machine's 1-minute load average at the cell's end (it is shared: the numbers mean little without it). */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** A fresh, vacuumed and checkpointed table, as a long-lived production table would be. */
    private void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS items, zdm_backfill_progress, zdm_backfill_chunks, zdm_backfill_jobs");
            s.execute("CREATE TABLE items (id bigint NOT NULL, amount integer NOT NULL, note text NOT NULL, amount_cents bigint)");
            s.execute("INSERT INTO items (id, amount, note) SELECT g, (g % 1000)::int, md5(g::text) FROM generate_series(1, " + rows + ") g");
            s.execute("ALTER TABLE items ADD PRIMARY KEY (id)");
            s.execute("VACUUM (ANALYZE) items");
            s.execute("CHECKPOINT");
        }
    }

    private Connection connect(String applicationName) {
        try {
            return dataSource(applicationName).getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PGSimpleDataSource dataSource(String applicationName) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.jdbcUrl("postgres"));
        ds.setUser(server.user());
        ds.setApplicationName(applicationName);
        return ds;
    }

    /** One approach, one repetition. Times in ms unless named otherwise. */
    record Cell(Approach approach, int rep, boolean finished, double seconds, long filled, long mismatched,
                Traffic.Window baseline, Traffic.Window during, long trafficErrors, double longestLockWait,
                double[] transactions, List<Integer> batchSizes, Map<String, Double> serverCpu, double machineBusy, String backfillStates, String load) {

        double rowsPerSecond() {
            return filled / seconds;
        }

        double oldestTransaction() {
            return transactions.length == 0 ? 0 : transactions[transactions.length - 1];
        }

        double medianTransaction() {
            return transactions.length == 0 ? 0 : transactions[transactions.length / 2];
        }

        String line() {
            return String.format(Locale.ROOT, "%s rep %d: %s in %.1f s, %,.0f rows/s, filled %,d, mismatched %,d | traffic baseline "
                            + "%,.0f req/s p50 %.2f p99 %.2f max %.0f | during %,.0f req/s p50 %.2f p99 %.2f max %.0f, errors %d | "
                            + "longest lock wait %.0f ms | backfill transactions %d, median %.0f ms, oldest %.0f ms | batch sizes %s | server CPU: backfill %.1f s (%.0f%% of the window), traffic %.1f s, autovacuum %.1f s, other server processes %.1f s; whole machine busy %.1f of %.1f core-s | backfill sessions: %s | load %s",
                    approach.label, rep, finished ? "finished" : "CAPPED", seconds, rowsPerSecond(), filled, mismatched,
                    baseline.perSecond(), baseline.p50(), baseline.p99(), baseline.max(), during.perSecond(), during.p50(),
                    during.p99(), during.max(), trafficErrors, longestLockWait, transactions.length, medianTransaction(),
                    oldestTransaction(), trajectory(batchSizes), cpu("backfill"), 100 * cpu("backfill") / seconds, cpu("traffic"),
                    cpu("autovacuum"), cpu("other server"), machineBusy, seconds * CORES, backfillStates, load);
        }

        /** Server CPU seconds of one role in the window (0 for a role that had no process). */
        private double cpu(String role) {
            return serverCpu.getOrDefault(role, 0.0);
        }

        private static String trajectory(List<Integer> sizes) {
            if (sizes.isEmpty()) {
                return "-";
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i <= 4; i++) {
                out.append(i == 0 ? "" : " → ").append(sizes.get(Math.min(sizes.size() - 1, i * (sizes.size() - 1) / 4)));
            }
            return out.toString();
        }

        static String medians(List<Approach> approaches, List<Cell> cells) {
            StringBuilder out = new StringBuilder("| approach | rows/s | vs (a) | req/s baseline → during | p50 ms | p99 ms baseline → during "
                    + "| max ms | longest lock wait ms | oldest backfill xact ms | median batch xact ms | mismatched |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|\n");
            double ceiling = median(cells, Approach.SINGLE_UPDATE, Cell::rowsPerSecond);
            for (Approach a : approaches) {
                double rate = median(cells, a, Cell::rowsPerSecond);
                out.append(String.format(Locale.ROOT, "| (%s) %s%s | %,.0f | %s | %,.0f → %,.0f | %.2f | %.2f → %.2f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
                        a.label, a.title, cells.stream().anyMatch(c -> c.approach == a && !c.finished) ? " (capped)" : "", rate,
                        Double.isNaN(ceiling) ? "-" : String.format(Locale.ROOT, "%.2f×", rate / ceiling),
                        median(cells, a, c -> c.baseline.perSecond()), median(cells, a, c -> c.during.perSecond()),
                        median(cells, a, c -> c.during.p50()), median(cells, a, c -> c.baseline.p99()), median(cells, a, c -> c.during.p99()),
                        median(cells, a, c -> c.during.max()), median(cells, a, Cell::longestLockWait),
                        median(cells, a, Cell::oldestTransaction), median(cells, a, Cell::medianTransaction),
                        median(cells, a, c -> c.mismatched)));
            }
            return out.toString();
        }

        private static double median(List<Cell> cells, Approach a, ToDoubleFunction<Cell> metric) {
            double[] values = cells.stream().filter(c -> c.approach == a).mapToDouble(metric).sorted().toArray();
            return values.length == 0 ? Double.NaN : values[values.length / 2];
        }
    }
}
