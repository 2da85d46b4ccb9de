package io.github.flywayzdm.trace;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.PlannedScript;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.UrlMask;
import io.github.flywayzdm.trace.internal.ServerDatabase;
import io.github.flywayzdm.trace.internal.Tracer;
import io.github.flywayzdm.trace.internal.Verdicts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies migrations to a throwaway PostgreSQL and records, statement by statement, what each one really locked,
 * rewrote and scanned, next to what the linter says about it.
 *
 * <pre>{@code
 * TraceReport report = LockTrace.builder().pgMajor(16).seedRows(100_000).build()
 *         .run(MigrationFiles.load(List.of(Path.of("src/main/resources/db/migration"))));
 * System.out.print(report.render(ReportFormat.TEXT));
 * }</pre>
 *
 * By default an embedded server of the target major is started and stopped; {@link Builder#server} uses a server of
 * yours instead, on which a fresh database is created and dropped (the user needs CREATEDB).
 */
public final class LockTrace {

    private final Builder b;

    private LockTrace(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws LintException for a configuration problem or when the server cannot be reached; a migration that fails
     *                       is not an exception but the report's {@link TraceReport#failure()}
     */
    public TraceReport run(List<MigrationScript> scripts) {
        long started = System.nanoTime();
        EmbeddedPostgresServer embedded = b.url == null ? startEmbedded(b.pgMajor) : null;
        try (ServerDatabase db = embedded != null ? ServerDatabase.create(embedded.jdbcUrl("postgres"), embedded.user(), "")
                : ServerDatabase.create(b.url, b.user, b.password)) {
            LintConfig config = b.lintConfig.toBuilder().pgMajor(db.major()).build();
            Linter linter = Linter.of(config);
            List<PlannedScript> plan = linter.plan(scripts);
            LintReport lint = linter.lint(scripts);
            Tracer.Result result;
            try (Connection migrating = db.connect(); Connection observer = db.connect()) {
                result = new Tracer(migrating, observer, b.seedRows).run(plan);
            }
            List<StatementTrace> traces = withStatic(result.statements(), lint.findings());
            List<TraceFinding> findings = new Verdicts(b.longHoldMillis).judge(traces);
            return new TraceReport(db.serverVersion(), b.seedRows, traces, findings, result.notes(), result.failure(), b.failOn,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            // no cause: a driver's message may quote the URL, and stack traces get printed
            String message = e.getMessage() == null ? "database error" : e.getMessage().lines().findFirst().orElse("database error");
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String where = b.url != null && (state.startsWith("08") || state.startsWith("28"))
                    ? "cannot connect to " + UrlMask.mask(b.url) + ": " : "";
            String fix = state.startsWith("08") ? "; check host, port and that the server accepts connections"
                    : state.startsWith("28") ? "; check the user and the password (ZDM_TRACE_PASSWORD or PGPASSWORD)" : "";
            throw new LintException("lock trace: " + where + UrlMask.mask(message) + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")") + fix);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static EmbeddedPostgresServer startEmbedded(int major) {
        try {
            return EmbeddedPostgresServer.start(major);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().replace("\n", " ").replaceAll("\\s+", " ");
            throw new LintException("lock trace: cannot start an embedded PostgreSQL " + major + ": " + message, e);
        }
    }

    private static List<StatementTrace> withStatic(List<StatementTrace> traces, List<Finding> findings) {
        List<StatementTrace> out = new ArrayList<>(traces.size());
        for (StatementTrace t : traces) {
            int end = t.line() + (int) t.sql().lines().count() - 1;
            List<Finding> mine = findings.stream()
                    .filter(f -> f.file().equals(t.file()) && f.line() >= t.line() && f.line() <= end).toList();
            out.add(new StatementTrace(t.file(), t.line(), t.sql(), t.transactional(), t.durationMillis(), t.locks(), t.rewritten(),
                    t.scanned(), mine, t.error()));
        }
        return out;
    }

    public static final class Builder {
        private int pgMajor = LintConfig.DEFAULT_PG_MAJOR;
        private String url;
        private String user;
        private String password;
        private long seedRows;
        private long longHoldMillis = 500;
        private LintConfig lintConfig = LintConfig.builder().lockTimeoutByRunner(true).build();
        private Optional<Severity> failOn = Optional.of(Severity.ERROR);

        private Builder() {
        }

        /** The major of the embedded server, 13..18 (default 17). */
        public Builder pgMajor(int major) {
            if (major < 13 || major > 18) { // the linter also knows 10-12; the embedded servers start at 13
                throw new IllegalArgumentException("The trace runs PostgreSQL 13..18, got " + major);
            }
            this.pgMajor = major;
            return this;
        }

        /**
         * Trace on your server instead: a fresh database is created there and dropped afterwards.
         *
         * @throws IllegalArgumentException when {@code jdbcUrl} is not a {@code jdbc:postgresql:} URL (the message masks
         *                                  any password in it)
         */
        public Builder server(String jdbcUrl, String user, String password) {
            Objects.requireNonNull(jdbcUrl);
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("the server URL must start with jdbc:postgresql:// (e.g. "
                        + "jdbc:postgresql://localhost:5432/postgres, user and password given separately), got " + UrlMask.mask(jdbcUrl));
            }
            this.url = jdbcUrl;
            this.user = user;
            this.password = password;
            return this;
        }

        /** Put this many rows into every table a migration creates, so later statements meet realistic sizes. */
        public Builder seedRows(long rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("seed rows must be 0 or more, got " + rows);
            }
            this.seedRows = rows;
            return this;
        }

        /** Report a write-blocking lock kept this much longer than its own statement (default 500 ms). */
        public Builder longHold(Duration duration) {
            this.longHoldMillis = duration.toMillis();
            return this;
        }

        /** The linter settings for the static side (placeholders, rule levels); the PostgreSQL major is the server's. */
        public Builder lintConfig(LintConfig config) {
            this.lintConfig = Objects.requireNonNull(config);
            return this;
        }

        public Builder failOn(Severity severity) {
            this.failOn = Optional.of(severity);
            return this;
        }

        public Builder failNever() {
            this.failOn = Optional.empty();
            return this;
        }

        public LockTrace build() {
            return new LockTrace(this);
        }
    }
}
