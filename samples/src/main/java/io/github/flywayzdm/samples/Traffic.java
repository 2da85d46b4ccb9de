package io.github.flywayzdm.samples;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Simulated application traffic on {@code orders} and {@code customers}: a few threads doing the reads and writes
 * a shop would do, each request timed. The application "version" decides which customer name column it writes,
 * the way an expand/contract rename rolls out.
 */
final class Traffic implements AutoCloseable {

    /** Which columns the running application knows. */
    enum AppVersion {
        /** writes customers.name only (before the rename) */
        V1_NAME,
        /** writes name and full_name (rename rolled out, old column still there) */
        V2_BOTH,
        /** writes full_name only (after the contract migration) */
        V3_FULL_NAME
    }

    private final DataSource dataSource;
    private final int threads;
    private final long maxOrderId;
    private final long maxCustomerId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();
    private final RequestLog log = new RequestLog();
    private volatile AppVersion version = AppVersion.V1_NAME;

    Traffic(DataSource dataSource, int threads, long maxOrderId, long maxCustomerId) {
        this.dataSource = dataSource;
        this.threads = threads;
        this.maxOrderId = maxOrderId;
        this.maxCustomerId = maxCustomerId;
    }

    void start() {
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "traffic-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    void switchTo(AppVersion next) {
        version = next;
    }

    RequestLog log() {
        return log;
    }

    private void work() {
        while (running.get()) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                while (running.get()) {
                    request(c);
                }
            } catch (SQLException e) {
                log.error(System.nanoTime(), "connect: " + e.getMessage());
                pause();
            }
        }
    }

    private void request(Connection c) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int kind = random.nextInt(10);
        long start = System.nanoTime();
        try {
            if (kind < 5) {
                readOrder(c, 1 + random.nextLong(maxOrderId));
            } else if (kind < 7) {
                updateOrder(c, 1 + random.nextLong(maxOrderId));
            } else if (kind < 9) {
                insertOrder(c, 1 + random.nextLong(maxCustomerId));
            } else {
                insertCustomer(c, "Customer " + random.nextInt(1_000_000));
            }
            log.ok(start, System.nanoTime());
        } catch (SQLException e) {
            log.error(start, e.getSQLState() + " " + e.getMessage());
        }
    }

    private static void readOrder(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT o.id, o.total_cents, c.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private static void updateOrder(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET total_cents = total_cents + 1 WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static void insertOrder(Connection c, long customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer_id, total_cents) VALUES (?, ?)")) {
            ps.setLong(1, customerId);
            ps.setLong(2, ThreadLocalRandom.current().nextLong(100, 100_000));
            ps.executeUpdate();
        }
    }

    private void insertCustomer(Connection c, String name) throws SQLException {
        AppVersion now = version; // read once: a switch between choosing the SQL and binding it left a parameter unset
        String sql = switch (now) {
            case V1_NAME -> "INSERT INTO customers (name) VALUES (?)";
            case V2_BOTH -> "INSERT INTO customers (name, full_name) VALUES (?, ?)";
            case V3_FULL_NAME -> "INSERT INTO customers (full_name) VALUES (?)";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            if (now == AppVersion.V2_BOTH) {
                ps.setString(2, name);
            }
            ps.executeUpdate();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : workers) {
            t.join(10_000);
        }
    }
}
