package io.github.flywayzdm.backfill.bench;

import io.github.flywayzdm.backfill.BackfillWorker;
import org.postgresql.ds.PGSimpleDataSource;

/** A worker JVM of the benchmark: runs the queued job with the default health check. Args: url user threads. Exit 0: complete. */
public final class BenchWorker {

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setApplicationName("backfill");
        BackfillWorker.Report report = BackfillWorker.create(ds).threads(Integer.parseInt(args[2])).runPending();
        if (!report.failures().isEmpty()) {
            System.out.println("bench worker: " + report.failures());
        }
        System.exit(report.complete() && !report.results().isEmpty() ? 0 : 3);
    }
}
