package io.github.flywayzdm.backfill.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The application: a few clients, each on its own connection, alternating point reads and point writes of random rows
 * with a short think time. The writes are the new code of an expand phase: they keep the backfilled column in step.
 * Every request's start and latency is kept so that any window can be summarised afterwards.
 */
final class Traffic implements AutoCloseable {

    private static final String READ = "SELECT amount, amount_cents FROM items WHERE id = ?";
    private static final String WRITE = "UPDATE items SET amount = amount + 1, amount_cents = (amount + 1) * 100 WHERE id = ?";

    private final long rows;
    private final long thinkNanos;
    private final List<Client> clients = new ArrayList<>();
    private volatile boolean stopped;
    final AtomicLong errors = new AtomicLong();

    Traffic(Supplier<Connection> connections, int clientCount, long rows, long thinkMicros) {
        this.rows = rows;
        this.thinkNanos = thinkMicros * 1_000;
        for (int i = 0; i < clientCount; i++) {
            Client c = new Client(connections.get());
            clients.add(c);
            c.thread.start();
        }
    }

    /** Requests that started in [from, to) (System.nanoTime()), summarised. */
    Window window(long from, long to) {
        List<Long> latencies = new ArrayList<>();
        for (Client c : clients) {
            synchronized (c) {
                for (int i = 0; i < c.count; i++) {
                    if (c.starts[i] >= from && c.starts[i] < to) {
                        latencies.add(c.latencies[i]);
                    }
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Window(sorted.length, (to - from) / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Client c : clients) {
            c.thread.join();
        }
    }

    /** What the application saw in a window: requests served, their rate, latency percentiles in ms. */
    record Window(long requests, double seconds, double p50, double p99, double max) {
        double perSecond() {
            return seconds == 0 ? 0 : requests / seconds;
        }
    }

    private final class Client implements Runnable {
        final Connection connection;
        final Thread thread = new Thread(this, "traffic");
        long[] starts = new long[1 << 16];
        long[] latencies = new long[1 << 16];
        int count;

        Client(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            try (connection; PreparedStatement read = connection.prepareStatement(READ);
                 PreparedStatement write = connection.prepareStatement(WRITE)) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stopped) {
                    long id = 1 + random.nextLong(rows);
                    long start = System.nanoTime();
                    try {
                        if (random.nextBoolean()) {
                            read.setLong(1, id);
                            try (ResultSet rs = read.executeQuery()) {
                                rs.next();
                            }
                        } else {
                            write.setLong(1, id);
                            write.executeUpdate();
                        }
                    } catch (SQLException e) {
                        errors.incrementAndGet();
                    }
                    record(start, System.nanoTime() - start);
                    java.util.concurrent.locks.LockSupport.parkNanos(thinkNanos);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private synchronized void record(long start, long latency) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            starts[count] = start;
            latencies[count++] = latency;
        }
    }
}
