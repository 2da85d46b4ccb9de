package io.github.flywayzdm.backfill;

import org.postgresql.ds.PGSimpleDataSource;

import java.util.Map;

/**
 * A worker process: runs the queued background backfills and exits (0: all complete, 3: not), printing each failure
 * as one line. Args: url user password threads.
 */
public final class BackfillWorkerChild {

    private BackfillWorkerChild() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        ds.setConnectTimeout(2);
        BackfillWorker.Report report;
        try {
            report = BackfillWorker.create(ds).healthCheck(HealthCheck.none()).threads(Integer.parseInt(args[3])).runPending();
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
            System.exit(3);
            return;
        }
        for (Map.Entry<String, String> f : report.failures().entrySet()) {
            System.out.println("FAILED " + f.getKey() + ": " + f.getValue());
        }
        System.exit(report.complete() && !report.results().isEmpty() ? 0 : 3);
    }
}
