package io.github.flywayzdm.backfill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/** Runs a slow backfill in a separate JVM, so a test can kill -9 it mid-way. Args: jdbcUrl user password. */
public final class BackfillChild {

    private BackfillChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            BackfillTest.statusBackfill(BackfillTest.FAST.withPause(Duration.ofMillis(30)).withBatchSize(100, 100, 100)).run(c);
        }
    }
}
