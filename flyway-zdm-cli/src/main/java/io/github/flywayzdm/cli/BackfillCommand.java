package io.github.flywayzdm.cli;

import io.github.flywayzdm.backfill.BackfillException;
import io.github.flywayzdm.backfill.BackfillJobs;
import io.github.flywayzdm.backfill.BackfillResult;
import io.github.flywayzdm.backfill.BackfillStatus;
import io.github.flywayzdm.backfill.BackfillWorker;
import io.github.flywayzdm.backfill.HealthCheck;
import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.UrlMask;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code zdm backfill run|status|pause|resume|cancel|retry [ID]}: a worker for the background backfills queued in a
 * database, and the operator's controls. Needs no Flyway: only the JDBC driver and flyway-zdm-backfill.
 */
final class BackfillCommand implements Command {

    private final Io io;
    String jdbcUrl;
    String user;
    String password;
    String schema;
    Integer threads;
    boolean noHealthCheck;
    Duration sample = Duration.ofSeconds(2);

    BackfillCommand(Io io) {
        this.io = io;
    }

    @Override
    public void register(ArgParser p) {
        p.value("--jdbc-url", "URL", "The database (default: $ZDM_JDBC_URL). Never printed.", v -> jdbcUrl = v)
                .value("--user", "NAME", "Database user (default: $ZDM_USER).", v -> user = v)
                .value("--password", "SECRET", "Database password (default: $ZDM_PASSWORD, which keeps it out of the process list).",
                        v -> password = v)
                .value("--schema", "NAME", "Schema of the zdm_backfill_* tables (default: the first of the search path).", v -> schema = v)
                .value("--threads", "N", "run: worker threads in this process per job (default: the job's declared workers).",
                        v -> threads = ArgParser.integer("--threads", v))
                .value("--sample", "SECONDS", "status: how long to watch a job that live workers hold, for its recent rows/s "
                        + "and ETA (default 2; 0: no second reading).", v -> sample = Duration.ofSeconds(nonNegative("--sample", ArgParser.integer("--sample", v))))
                .flag("--no-health-check", "run: do not wait for replica lag or lock waits (default waits: lag > 10 s, lock waits > 5 s).",
                        () -> noHealthCheck = true);
    }

    @Override
    public String description() {
        return """
                Usage: zdm backfill run|status|pause|resume|cancel|retry [ID] [OPTIONS]
                Background backfills queued in PostgreSQL (Backfill.enqueue, BackgroundBackfillMigration).
                  run [ID]     Work every running job (or ID) until its chunks are all done, then exit; any number of
                               these (and application workers) share a job through the database.
                  status [ID]  Every backfill (or ID): status, progress %, rows/s (average since queued and, while
                               live workers hold it, recent: over --sample seconds), ETA, chunk holders, last error.
                  pause ID     running -> paused: workers wait before their next batch.
                  resume ID    paused or cancelled -> running.
                  cancel ID    running, paused or failed -> cancelled: workers stop after their batch; progress is kept.
                  retry ID     failed -> running, for workers to pick it up again.
                The connection comes from --jdbc-url/--user/--password or ZDM_JDBC_URL, ZDM_USER, ZDM_PASSWORD.
                """;
    }

    @Override
    public String exitCodes() {
        return """
                  0  done (run: every job it ran is complete)
                  1  run: a job failed or is not finished (its holders stalled, or it was paused or cancelled meanwhile)
                  2  bad usage, a database error, or a control that does not apply to the job's status
                """;
    }

    @Override
    public int call(List<String> positional) {
        if (positional.isEmpty()) {
            throw new ArgParser.UsageException("Missing subcommand: zdm backfill run|status|pause|resume|cancel|retry [ID]");
        }
        String action = positional.get(0);
        String id = positional.size() > 1 ? positional.get(1) : null;
        if (positional.size() > 2) {
            throw new ArgParser.UsageException("Too many arguments: zdm backfill " + action + " takes at most one ID");
        }
        if (!List.of("run", "status").contains(action) && id == null
                && List.of("pause", "resume", "cancel", "retry").contains(action)) {
            throw new ArgParser.UsageException("zdm backfill " + action + " needs the backfill's ID (see zdm backfill status)");
        }
        PGSimpleDataSource ds = dataSource();
        try {
            return switch (action) {
                case "run" -> run(ds, id);
                case "status" -> status(ds, id);
                case "pause", "resume", "cancel", "retry" -> control(ds, action, id);
                default -> throw new ArgParser.UsageException("Unknown backfill subcommand: '" + action
                        + "': use run, status, pause, resume, cancel or retry");
            };
        } catch (SQLException | BackfillException e) {
            io.err().println("zdm: backfill " + action + ": " + clean(e.getMessage()));
            return ExitCode.ERROR;
        }
    }

    private PGSimpleDataSource dataSource() {
        String url = jdbcUrl != null ? jdbcUrl : io.env().get("ZDM_JDBC_URL");
        if (url == null || url.isBlank()) {
            throw new ArgParser.UsageException("No database: give --jdbc-url or set ZDM_JDBC_URL");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ArgParser.UsageException("Not a PostgreSQL JDBC URL (it must start with jdbc:postgresql:)");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(url);
        } catch (RuntimeException e) {
            throw new ArgParser.UsageException("Bad JDBC URL: " + UrlMask.mask(url));
        }
        String u = user != null ? user : io.env().get("ZDM_USER");
        String pw = password != null ? password : io.env().get("ZDM_PASSWORD");
        if (u != null) {
            ds.setUser(u);
        }
        if (pw != null) {
            ds.setPassword(pw);
        }
        ds.setApplicationName("zdm backfill");
        return ds;
    }

    private int run(PGSimpleDataSource ds, String id) throws SQLException {
        // the CLI logs warnings only; a worker's progress lines (every 10 s, when stderr is no terminal) are its output
        System.setProperty("org.slf4j.simpleLogger.log.io.github.flywayzdm.backfill", "info");
        BackfillWorker worker = BackfillWorker.create(ds).checkpointSchema(schema).only(id);
        if (threads != null) {
            worker.threads(threads);
        }
        if (noHealthCheck) {
            worker.healthCheck(HealthCheck.none());
        }
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C, SIGTERM (a Kubernetes Job's pod): no batch starts after this, and the JVM waits for the one under way
            worker.stop(Duration.ZERO);
            try {
                finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "zdm-backfill-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return report(worker.runPending(), id);
        } finally {
            finished.countDown(); // after the report is printed: the JVM may halt once the hook returns
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waited for this
            }
        }
    }

    private int report(BackfillWorker.Report report, String id) {
        if (report.results().isEmpty() && report.failures().isEmpty()) {
            io.out().println(id == null ? "No background backfill to run (none is running; see zdm backfill status)"
                    : "Backfill '" + clean(id) + "' is not a running background job (see zdm backfill status)");
            return id == null ? ExitCode.CLEAN : ExitCode.FINDINGS;
        }
        for (BackfillResult r : report.results()) {
            io.out().println(clean(r.toString()));
        }
        for (Map.Entry<String, String> f : report.failures().entrySet()) {
            io.out().println(clean(f.getKey()) + ": FAILED: " + clean(f.getValue()));
        }
        return report.complete() ? ExitCode.CLEAN : ExitCode.FINDINGS;
    }

    private int status(PGSimpleDataSource ds, String id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<BackfillStatus> all = read(c, id);
            if (all.isEmpty()) {
                io.out().println(id == null ? "No backfill recorded in this database" : "No backfill '" + clean(id) + "'");
                return id == null ? ExitCode.CLEAN : ExitCode.ERROR;
            }
            Map<String, Double> recent = Map.of();
            if (!sample.isZero() && all.stream().anyMatch(s -> "running".equals(s.status()) && !s.holders().isEmpty())) {
                // the average since queued counts hours without a worker; the rate now takes a second reading
                long from = System.nanoTime();
                sleep(sample);
                List<BackfillStatus> later = read(c, id);
                double seconds = (System.nanoTime() - from) / 1e9;
                Map<String, Long> before = new java.util.HashMap<>();
                all.forEach(s -> before.put(s.id(), s.rowsDone()));
                Map<String, Double> rates = new java.util.HashMap<>();
                for (BackfillStatus s : later) {
                    if (before.containsKey(s.id()) && "running".equals(s.status()) && !s.holders().isEmpty()) {
                        rates.put(s.id(), Math.max(0, s.rowsDone() - before.get(s.id())) / seconds);
                    }
                }
                all = later;
                recent = rates;
            }
            for (BackfillStatus s : all) {
                io.out().println(line(s, recent.get(s.id())));
                if (!s.holders().isEmpty()) {
                    io.out().println("    holders: " + clean(String.join(", ", s.holders())));
                }
                if (s.lastError() != null) {
                    io.out().println("    last error: " + clean(s.lastError().lines().findFirst().orElse("")));
                }
            }
            return ExitCode.CLEAN;
        }
    }

    private static int nonNegative(String option, int value) {
        if (value < 0) {
            throw new ArgParser.UsageException("Invalid value for option '" + option + "': " + value + " is negative");
        }
        return value;
    }

    private List<BackfillStatus> read(Connection c, String id) throws SQLException {
        return BackfillJobs.in(schema).status(c).stream().filter(s -> id == null || s.id().equals(id)).toList();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code recent}: rows/s over the sample, or null when not sampled; the ETA then uses it. */
    static String line(BackfillStatus s, Double recent) {
        Duration eta = s.eta();
        if (recent != null && s.percent() > 0 && s.percent() < 100) {
            eta = recent > 0 ? Duration.ofSeconds(Math.round(s.rowsDone() * (100 - s.percent()) / s.percent() / recent)) : null;
        }
        StringBuilder b = new StringBuilder();
        b.append(clean(s.id())).append("  ").append(clean(s.table())).append("  ").append(s.background() ? "background" : "synchronous")
                .append("  ").append(clean(s.status()))
                .append("  ").append(s.percent() < 0 ? "?%" : String.format(Locale.ROOT, "%.1f%%", s.percent()))
                .append("  ").append(String.format(Locale.ROOT, "%,d rows", s.rowsDone()))
                .append("  ").append(String.format(Locale.ROOT, "%,.0f rows/s avg", s.rowsPerSecond()));
        if (recent != null) {
            b.append("  ").append(String.format(Locale.ROOT, "%,.0f rows/s recent", recent));
        }
        b.append("  ETA ").append(eta == null ? ("done".equals(s.status()) ? "-" : recent != null && recent == 0 ? "stalled" : "unknown")
                : duration(eta));
        if (s.chunks() > 0) {
            b.append("  chunks ").append(s.chunksDone()).append('/').append(s.chunks());
        }
        return b.toString();
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private int control(PGSimpleDataSource ds, String action, String id) throws SQLException {
        BackfillJobs jobs = BackfillJobs.in(schema);
        try (Connection c = ds.getConnection()) {
            switch (action) {
                case "pause" -> jobs.pause(c, id);
                case "resume" -> jobs.resume(c, id);
                case "cancel" -> jobs.cancel(c, id);
                default -> jobs.retry(c, id);
            }
        }
        io.out().println("Backfill '" + clean(id) + "': " + switch (action) {
            case "pause" -> "paused (workers wait before their next batch)";
            case "resume" -> "running again";
            case "cancel" -> "cancelled (workers stop after their current batch; progress is kept)";
            default -> "running again (workers pick it up)";
        });
        return ExitCode.CLEAN;
    }

    /** One line, no control characters, no URL with a password. */
    private static String clean(String text) {
        String t = text == null ? "" : text;
        return ControlChars.escape(UrlMask.mask(t.lines().findFirst().orElse(t)));
    }
}
