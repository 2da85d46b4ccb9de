package io.github.flywayzdm.backfill;

import org.postgresql.ds.PGSimpleDataSource;

/** A worker process: runs the queued background backfills and exits (0: all complete, 3: not). Args: url user password threads. */
public final class BackfillWorkerChild {

    private BackfillWorkerChild() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        BackfillWorker.Report report = BackfillWorker.create(ds).healthCheck(HealthCheck.none()).threads(Integer.parseInt(args[3]))
                .runPending();
        System.exit(report.complete() && !report.results().isEmpty() ? 0 : 3);
    }
}
