package io.github.flywayzdm.lint.bench;

import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of split + analyze + rules on a generated corpus, in-process, side by side with squawk-cli on the same
 * files. Not a test: run through benchmarks/lint/run.sh. Arguments: [files] [squawk binary], or {@code --write DIR
 * files} to write the corpus only (benchmarks/lint/cold.sh).
 */
public final class LintBenchmark {

    private LintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--write")) {
            // benchmarks/lint/cold.sh: the same corpus on disk for command-line runs
            Path dir = Files.createDirectories(Path.of(args[1]));
            System.out.println(CorpusGenerator.write(dir, Integer.parseInt(args[2])) + " statements in " + dir);
            return;
        }
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path squawk = args.length > 1 ? Path.of(args[1]) : null;
        Path dir = Files.createTempDirectory("zdm-lint-bench");
        int statements = CorpusGenerator.write(dir, files);
        List<MigrationScript> scripts = MigrationFiles.load(List.of(dir), dir);
        System.out.printf(Locale.ROOT, "corpus: %d files, %d statements, %.1f MB in %s%n", scripts.size(), statements,
                scripts.stream().mapToLong(s -> s.content().length()).sum() / 1e6, dir);

        long coldStart = System.nanoTime();
        LintReport first = Linter.withDefaults().lint(scripts);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
        System.out.printf(Locale.ROOT, "flyway-zdm first run (cold JVM, in-process): %.2f s, %.0f statements/s, %d findings, %d unparsed%n",
                coldSeconds, first.statements() / coldSeconds, first.findings().size(), first.unparsed());

        double[] warm = new double[5];
        for (int i = 0; i < 3 + warm.length; i++) {
            long t = System.nanoTime();
            Linter.withDefaults().lint(scripts);
            if (i >= 3) {
                warm[i - 3] = (System.nanoTime() - t) / 1e9;
            }
        }
        double ours = median(warm);
        System.out.printf(Locale.ROOT, "flyway-zdm warm (median of %d runs): %.3f s, %.0f statements/s%n", warm.length, ours,
                first.statements() / ours);

        if (squawk != null && Files.isExecutable(squawk)) {
            double[] runs = new double[3];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = runSquawk(squawk, dir);
            }
            double theirs = median(runs);
            System.out.printf(Locale.ROOT, "squawk-cli (median of %d process runs, all files in one call): %.3f s, %.0f statements/s%n",
                    runs.length, theirs, statements / theirs);
            System.out.printf(Locale.ROOT, "ratio flyway-zdm warm / squawk: %.2fx the time; cold: %.2fx%n", ours / theirs, coldSeconds / theirs);
        } else {
            System.out.println("squawk-cli not given or not executable: comparison skipped");
        }
    }

    private static double runSquawk(Path squawk, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(squawk.toString(), "--reporter", "gcc"));
        try (var walk = Files.list(dir)) {
            walk.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(p -> command.add(p.toString()));
        }
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("squawk did not finish");
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Realistic migrations: tables, indexes, constraints, backfills, functions with dollar bodies, comments. */
    public static final class CorpusGenerator {
        private static final String[] TEMPLATES = {
                "CREATE TABLE t%1$d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, email varchar(200), created_at timestamptz NOT NULL DEFAULT now(), payload jsonb)",
                "CREATE INDEX t%1$d_email_idx ON t%1$d (email)",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS t%1$d_created_idx ON t%1$d (created_at)",
                "ALTER TABLE t%1$d ADD COLUMN status text",
                "ALTER TABLE t%1$d ALTER COLUMN status SET DEFAULT 'new'",
                "ALTER TABLE t%1$d ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                "ALTER TABLE t%1$d ADD CONSTRAINT t%1$d_status_nn CHECK (status IS NOT NULL) NOT VALID",
                "ALTER TABLE t%1$d VALIDATE CONSTRAINT t%1$d_status_nn",
                "ALTER TABLE t%1$d ALTER COLUMN status SET NOT NULL",
                "UPDATE t%1$d SET status = 'new' WHERE status IS NULL AND id < 1000",
                "ALTER TABLE t%1$d ADD COLUMN parent_id bigint REFERENCES t%1$d (id)",
                "ALTER TABLE t%1$d ALTER COLUMN email TYPE text",
                "COMMENT ON TABLE t%1$d IS 'table number %1$d; generated'",
                "CREATE OR REPLACE FUNCTION t%1$d_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$",
                "CREATE TRIGGER t%1$d_touch BEFORE UPDATE ON t%1$d FOR EACH ROW EXECUTE FUNCTION t%1$d_touch()",
                "INSERT INTO t%1$d (name, email) VALUES ('a', 'a@example.com'), ('b', 'b@example.com')",
                "ALTER TABLE t%1$d RENAME COLUMN name TO full_name",
                "CREATE VIEW t%1$d_v AS SELECT id, full_name FROM t%1$d WHERE status = 'new'",
                "SET lock_timeout = '3s'",
                "ALTER TABLE t%1$d DROP COLUMN payload",
                "GRANT SELECT ON t%1$d TO reporting",
                "DELETE FROM t%1$d WHERE created_at < now() - interval '1 year'",
                "ALTER TABLE t%1$d ADD CONSTRAINT t%1$d_email_key UNIQUE (email)",
                "DROP INDEX IF EXISTS t%1$d_email_idx",
                "SELECT count(*) FROM t%1$d"};

        public static int write(Path dir, int files) throws IOException {
            int statements = 0;
            for (int f = 1; f <= files; f++) {
                // the table comes from the previous migration, so lock rules judge the changes as on a live table
                Files.writeString(dir.resolve("V" + f + "_1__create_" + f + ".sql"), String.format(Locale.ROOT, TEMPLATES[0], f) + ";\n",
                        StandardCharsets.UTF_8);
                StringBuilder b = new StringBuilder("-- migration ").append(f).append(": generated for the benchmark\n");
                for (String template : Arrays.copyOfRange(TEMPLATES, 1, TEMPLATES.length)) {
                    b.append(String.format(Locale.ROOT, template, f)).append(";\n");
                }
                Files.writeString(dir.resolve("V" + f + "_2__change_" + f + ".sql"), b, StandardCharsets.UTF_8);
                statements += TEMPLATES.length;
            }
            return statements;
        }
    }
}
