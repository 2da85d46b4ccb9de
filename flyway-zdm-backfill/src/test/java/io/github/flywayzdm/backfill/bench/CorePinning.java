package io.github.flywayzdm.backfill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code -Dbench.pin=true} (run.sh: BENCH_PIN=1), the benchmark stands in for a database server with a core to
 * spare and its application on other machines: this JVM (the application's load), the server's postmaster and every
 * process it forks run on core 0; the worker JVMs run on core 1, and each backfill backend is moved there when the
 * observer first sees it (the one UPDATE's as well). Without it every process shares both cores, as on this 2-core
 * machine.
 */
final class CorePinning {

    static final boolean ON = Boolean.getBoolean("bench.pin");
    private static final String APPLICATION_CORE = "0";
    private static final String BACKFILL_CORE = "1";

    private CorePinning() {
    }

    /** This JVM, and the server with all its processes, on the application's core. */
    static void pinApplicationAndServer(Connection superuser) throws SQLException, IOException, InterruptedException {
        if (!ON) {
            return;
        }
        pin(ProcessHandle.current().pid(), APPLICATION_CORE);
        String dataDirectory;
        try (Statement s = superuser.createStatement(); ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            dataDirectory = rs.getString(1);
        }
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        pin(postmaster, APPLICATION_CORE);
        ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(child -> pin(child.pid(), APPLICATION_CORE)));
    }

    /** A backfill backend on a core of its own. */
    static void pinBackfill(long pid) {
        if (ON) {
            pin(pid, BACKFILL_CORE);
        }
    }

    /** The command line of a worker JVM: on the backfill's core when pinning (its client waits on core 0's queue otherwise). */
    static List<String> workerCommand(List<String> command) {
        if (!ON) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", BACKFILL_CORE));
        pinned.addAll(command);
        return pinned;
    }

    private static void pin(long pid, String core) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", core, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("taskset could not pin process " + pid + " to core " + core);
            }
        } catch (IOException e) {
            throw new IllegalStateException("taskset could not pin process " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
