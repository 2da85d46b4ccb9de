package io.github.flywayzdm.callbacks.bench;

import io.github.flywayzdm.callbacks.ZdmCallback;
import io.github.flywayzdm.callbacks.ZdmSettings;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.logging.LogLevel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code flyway migrate} of N small migrations with and without the flyway-zdm callback, side by side in one JVM
 * against one server, alternating the order each round. Not part of the normal test run (the class name does not match
 * surefire's patterns); run with
 * {@code mvn -o -pl flyway-zdm-callbacks test -Dtest=MigrateBenchmark -Dzdm.bench.migrations=500 -Dzdm.bench.rounds=3}.
 */
@WithPostgres
class MigrateBenchmark {

    private static Path migrations(int n) throws Exception {
        Path dir = Files.createTempDirectory("zdm-bench");
        for (int i = 1; i <= n; i++) {
            String sql = switch (i % 4) {
                case 1 -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());\n";
                case 2 -> "ALTER TABLE t" + (i - 1) + " ADD COLUMN note text;\n";
                case 3 -> "CREATE INDEX CONCURRENTLY t" + (i - 2) + "_name_idx ON t" + (i - 2) + " (name);\n";
                default -> "COMMENT ON TABLE t" + (i - 3) + " IS 'table " + (i - 3) + "';\n";
            };
            Files.writeString(dir.resolve("V" + i + "__step_" + i + ".sql"), sql);
        }
        return dir;
    }

    private static long migrateMillis(TestDatabase db, Path dir, Callback... callbacks) {
        var c = Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).callbacks(callbacks);
        c.getPluginRegister().getPlugin(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        Flyway flyway = c.load();
        long t0 = System.nanoTime();
        int applied = flyway.migrate().migrationsExecuted;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (applied == 0) {
            throw new IllegalStateException("nothing migrated");
        }
        return ms;
    }

    /** Registered but interested in nothing: what merely having a callback costs inside Flyway. */
    static final class NoopCallback implements Callback {
        @Override public boolean supports(org.flywaydb.core.api.callback.Event e, org.flywaydb.core.api.callback.Context c) { return false; }
        @Override public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event e, org.flywaydb.core.api.callback.Context c) { return true; }
        @Override public void handle(org.flywaydb.core.api.callback.Event e, org.flywaydb.core.api.callback.Context c) { }
        @Override public String getCallbackName() { return "noop"; }
    }

    private static Callback[] variant(String name) {
        return switch (name) {
            case "plain" -> new Callback[0];
            case "noop-callback" -> new Callback[] {new NoopCallback()};
            default -> new Callback[] {new ZdmCallback(ZdmSettings.defaults())};
        };
    }

    @Test
    void migrateWithAndWithoutTheCallback() throws Exception {
        int n = Integer.getInteger("zdm.bench.migrations", 500);
        int rounds = Integer.getInteger("zdm.bench.rounds", 3);
        LogFactory.setLogLevel(LogLevel.WARN);
        Path dir = migrations(n);
        Path warmup = migrations(40);
        List<String> variants = List.of("plain", "noop-callback", "zdm");
        for (String v : variants) {
            try (TestDatabase db = TestDatabase.create()) {
                migrateMillis(db, warmup, variant(v));
            }
        }
        java.util.Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        variants.forEach(v -> times.put(v, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, r);
            for (String v : order) {
                try (TestDatabase db = TestDatabase.create()) {
                    times.get(v).add(migrateMillis(db, dir, variant(v)));
                }
            }
        }
        long plain = median(times.get("plain"));
        StringBuilder sb = new StringBuilder("BENCH migrations=" + n + " rounds=" + rounds);
        times.forEach((v, t) -> sb.append(String.format("%n  %-14s median %5d ms  ratio %.3f  runs %s", v, median(t),
                (double) median(t) / plain, t)));
        System.out.println(sb);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
