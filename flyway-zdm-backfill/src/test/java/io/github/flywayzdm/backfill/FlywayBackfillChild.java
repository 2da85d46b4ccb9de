package io.github.flywayzdm.backfill;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;


/** Runs {@code flyway migrate} of db/backfillcrash slowly in a separate JVM, so a test can kill -9 it. Args: url user password workers. */
public final class FlywayBackfillChild {

    private FlywayBackfillChild() {
    }

    public static void main(String[] args) {
        System.setProperty("zdm.test.workers", args[3]);
        System.setProperty("zdm.test.pauseMs", "30");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        FlywayBackfillCrashTest.flyway(ds).migrate();
    }
}
