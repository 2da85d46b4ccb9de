package io.github.flywayzdm.trace.bench;

import io.github.flywayzdm.embedded.EmbeddedPostgresServer;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.PlannedScript;
import io.github.flywayzdm.trace.LockTrace;
import io.github.flywayzdm.trace.TraceReport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces a directory of N generated migrations (default 200) and, side by side in the same run, applies the same
 * statements without tracing, to show what the sampling costs. Not a test: run benchmarks/trace/run.sh.
 */
public final class TraceBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int major = args.length > 1 ? Integer.parseInt(args[1]) : 17;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
        List<MigrationScript> scripts = migrations(n);
        int statements = Linter.of(LintConfig.defaults()).plan(scripts).stream().mapToInt(p -> p.statements().size()).sum();
        System.out.printf("migrations=%d statements=%d pg=%d seedRows=%d%n", n, statements, major, seed);
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            TraceReport report = LockTrace.builder().pgMajor(major).seedRows(seed).failNever().build().run(scripts);
            long traced = (System.nanoTime() - t0) / 1_000_000;
            if (report.failure() != null) {
                throw new IllegalStateException(report.failure());
            }
            long t1 = System.nanoTime();
            long applied = applyWithoutTrace(scripts, major);
            long plainTotal = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("round %d: trace %d ms total (incl. server start); plain apply %d ms total, %d ms of it applying; "
                    + "findings %s%n", round, traced, plainTotal, applied, report.findings().stream()
                    .collect(java.util.stream.Collectors.groupingBy(f -> f.ruleId(), java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        }
    }

    /** Starts the same embedded server and applies the plan with plain JDBC; returns the milliseconds spent applying. */
    private static long applyWithoutTrace(List<MigrationScript> scripts, int major) throws Exception {
        List<PlannedScript> plan = Linter.of(LintConfig.defaults()).plan(scripts);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(major)) {
            try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
                 Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("bench"), server.user(), "")) {
                long t = System.nanoTime();
                for (PlannedScript p : plan) {
                    c.setAutoCommit(!p.transactional());
                    for (PlannedScript.Statement st : p.statements()) {
                        try (Statement s = c.createStatement()) {
                            s.execute(st.sql());
                        }
                    }
                    if (p.transactional()) {
                        c.commit();
                    }
                }
                return (System.nanoTime() - t) / 1_000_000;
            }
        }
    }

    /** A schema's life: tables, columns, indexes (plain and concurrent), foreign keys, constraints, renames. */
    static List<MigrationScript> migrations(int n) {
        List<MigrationScript> out = new ArrayList<>();
        int tables = 0;
        for (int v = 1; v <= n; v++) {
            String sql;
            int t = Math.max(tables, 1);
            switch (v % 8) {
                case 1 -> sql = "CREATE TABLE t" + (++tables) + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id bigint, "
                        + "name text, status text, created_at timestamptz DEFAULT now());";
                case 2 -> sql = "ALTER TABLE t" + t + " ADD COLUMN c" + v + " text;\nALTER TABLE t" + t + " ADD COLUMN d" + v + " int DEFAULT 0;";
                case 3 -> sql = "CREATE INDEX i" + v + " ON t" + t + " (status);";
                case 4 -> sql = "CREATE INDEX CONCURRENTLY i" + v + " ON t" + t + " (name);";
                case 5 -> sql = tables > 1 ? "ALTER TABLE t" + t + " ADD CONSTRAINT fk" + v + " FOREIGN KEY (parent_id) REFERENCES t" + (t - 1)
                        + " (id) NOT VALID;\nALTER TABLE t" + t + " VALIDATE CONSTRAINT fk" + v + ";" : "SELECT 1;";
                case 6 -> sql = "ALTER TABLE t" + t + " ADD CONSTRAINT ck" + v + " CHECK (status IS NOT NULL) NOT VALID;";
                case 7 -> sql = "UPDATE t" + t + " SET status = 'new' WHERE status IS NULL;\nALTER TABLE t" + t + " ALTER COLUMN name SET DEFAULT '';";
                default -> sql = "COMMENT ON TABLE t" + t + " IS 'version " + v + "';\nALTER TABLE t" + t + " ALTER COLUMN status TYPE varchar(200);";
            }
            out.add(MigrationScript.of("db/V" + v + "__m" + v + ".sql", sql));
        }
        return out;
    }
}
