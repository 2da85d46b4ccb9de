package io.github.flywayzdm.backfill.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples pg_stat_activity every few milliseconds from its own connection: how long traffic sessions have been waiting
 * on a lock, and the age of every backfill transaction that wrote something (has an xid), so each one's duration is
 * known to within a sample. Also records the adaptive batch size from the checkpoint row, when there is one, and the
 * CPU time of the server's processes by role (read from /proc: the server runs on this machine): the backfill's and the
 * traffic's backends, autovacuum workers, and the other background processes (WAL writer, checkpointer, ...), so a
 * slower backfill can be told apart as less CPU, more work per row, or CPU taken by something else.
 */
final class Observer implements AutoCloseable {

    private static final String ACTIVITY = "SELECT pid, CASE WHEN application_name IN ('traffic', 'backfill') THEN application_name "
            + "WHEN backend_type = 'autovacuum worker' THEN 'autovacuum' ELSE 'other server' END, wait_event_type = 'Lock', "
            + "extract(epoch FROM clock_timestamp() - query_start) * 1000, backend_xid IS NOT NULL, "
            + "extract(epoch FROM xact_start) * 1000000, extract(epoch FROM clock_timestamp() - xact_start) * 1000, "
            + "CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'running') ELSE state END "
            + "FROM pg_stat_activity WHERE (application_name IN ('traffic', 'backfill') OR backend_type <> 'client backend') "
            + "AND pid <> pg_backend_pid()";
    private static final String BATCH_SIZE = "SELECT batch_size FROM zdm_backfill_progress WHERE id = ?";

    private final Connection connection;
    private final String checkpointId;
    private final Thread thread = new Thread(this::loop, "observer");
    private volatile boolean stopped;
    private double longestLockWaitMs;
    private final Map<String, Double> transactionAges = new HashMap<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final Map<Integer, String> roles = new HashMap<>(); // pid -> backfill, traffic, autovacuum or other server
    private final Map<Integer, Long> cpuTicks = new HashMap<>(); // pid -> last utime + stime seen
    private final Map<String, Integer> backfillStates = new HashMap<>(); // what the backfill's sessions were doing, per sample

    /** {@code checkpointId}: the zdm backfill whose batch size to follow, or null. */
    Observer(Connection connection, String checkpointId) {
        this.connection = connection;
        this.checkpointId = checkpointId;
        thread.start();
    }

    private void loop() {
        try (PreparedStatement activity = connection.prepareStatement(ACTIVITY);
             PreparedStatement batch = checkpointId == null ? null : connection.prepareStatement(BATCH_SIZE)) {
            for (long n = 0; !stopped; n++) {
                sampleActivity(activity);
                if (batch != null && n % 50 == 0) {
                    sampleBatchSize(batch);
                }
                if (n % 10 == 0) {
                    sampleCpu();
                }
                Thread.sleep(5);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void sampleActivity(PreparedStatement activity) throws SQLException {
        try (ResultSet rs = activity.executeQuery()) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                String role = rs.getString(2);
                boolean traffic = role.equals("traffic");
                boolean backfill = role.equals("backfill");
                if (roles.putIfAbsent(pid, role) == null && backfill) {
                    CorePinning.pinBackfill(pid);
                }
                if (backfill) {
                    backfillStates.merge(rs.getString(8), 1, Integer::sum);
                }
                if (traffic && rs.getBoolean(3)) {
                    longestLockWaitMs = Math.max(longestLockWaitMs, rs.getDouble(4));
                } else if (backfill && rs.getBoolean(5)) {
                    transactionAges.merge(pid + "@" + rs.getLong(6), rs.getDouble(7), Math::max);
                }
            }
        }
    }

    private synchronized void sampleCpu() {
        for (Integer pid : roles.keySet()) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpuTicks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime, stime (fields 14, 15)
            } catch (java.io.IOException | RuntimeException e) {
                // the backend has gone: its last reading stands
            }
        }
    }

    /** The backfill sessions' samples by what they were doing (running, idle, or their wait event), most frequent first. */
    synchronized String backfillStates() {
        int all = backfillStates.values().stream().mapToInt(Integer::intValue).sum();
        return all == 0 ? "-" : backfillStates.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / all))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** CPU seconds the server processes of each role (backfill, traffic, autovacuum, other server) used so far (100 ticks/s). */
    synchronized Map<String, Double> cpuSecondsByRole() {
        Map<String, Double> seconds = new HashMap<>();
        cpuTicks.forEach((pid, ticks) -> seconds.merge(roles.get(pid), ticks / 100.0, Double::sum));
        return seconds;
    }

    private void sampleBatchSize(PreparedStatement batch) {
        try {
            batch.setString(1, checkpointId);
            try (ResultSet rs = batch.executeQuery()) {
                if (rs.next()) {
                    synchronized (this) {
                        batchSizes.add(rs.getInt(1));
                    }
                }
            }
        } catch (SQLException e) {
            // the checkpoint table does not exist yet
        }
    }

    /** The longest time a traffic session was seen waiting on a lock, in ms. */
    synchronized double longestLockWaitMs() {
        return longestLockWaitMs;
    }

    /** Durations (ms, lower bounds within a sample) of the backfill's writing transactions, sorted. */
    synchronized double[] transactionDurations() {
        return transactionAges.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The adaptive batch size as sampled every ~250 ms. */
    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        stopped = true;
        thread.join();
        connection.close();
    }
}
