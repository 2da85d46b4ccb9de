package io.github.flywayzdm.backfill;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks, over and over, that the orders backfill never says done while a row is untouched. With
 * {@code serverRestarts} a lost connection is waited out and reopened (the test restarts the server); without, it is
 * itself reported, so a watcher that stopped watching cannot pass for one that saw nothing.
 */
final class DoneWatcher {

    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final AtomicReference<String> lie = new AtomicReference<>();
    private final Thread thread;

    DoneWatcher(DataSource ds, boolean serverRestarts) {
        thread = new Thread(() -> {
            while (watching.get()) {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    while (watching.get()) {
                        // one statement, one snapshot: the status and the rows left as of the same moment
                        try (ResultSet rs = s.executeQuery("SELECT (SELECT status FROM zdm_backfill_progress), "
                                + "(SELECT count(*) FROM orders WHERE touched = 0)")) {
                            rs.next();
                            if ("done".equals(rs.getString(1)) && rs.getLong(2) > 0) {
                                lie.compareAndSet(null, "done with " + rs.getLong(2) + " rows left");
                            }
                        }
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (!serverRestarts) {
                        lie.compareAndSet(null, "watcher failed: " + e);
                        return;
                    }
                    BackfillTest.sleep(100); // the server is restarting
                }
            }
        }, "done-watcher");
        thread.start();
    }

    void stop() throws InterruptedException {
        watching.set(false);
        thread.join();
    }

    /** What it saw that should not be (done with rows left, or its own failure), or null. */
    String lie() {
        return lie.get();
    }
}
