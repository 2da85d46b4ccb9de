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
 * {@code mvn -o -pl flyway-zdm-callbacks test -Dtest=MigrateBenchmark -Dzdm.bench.migrations=500 -Dzdm.bench.rounds=3}
 * ({@code -Dzdm.bench.variants=plain,zdm} to pick variants, e.g. to profile one;
 * {@code -Dzdm.bench.synchronousCommit=off} for commits that do not wait for the disk).
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

    /** Wall time spent inside the wrapped callback's handle(), per event. */
    static final class Timed implements Callback {
        static final java.util.Map<org.flywaydb.core.api.callback.Event, Long> NANOS = new java.util.concurrent.ConcurrentHashMap<>();
        private final Callback inner;

        Timed(Callback inner) {
            this.inner = inner;
        }

        @Override public boolean supports(org.flywaydb.core.api.callback.Event e, org.flywaydb.core.api.callback.Context c) { return inner.supports(e, c); }
        @Override public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event e, org.flywaydb.core.api.callback.Context c) { return inner.canHandleInTransaction(e, c); }
        @Override public String getCallbackName() { return inner.getCallbackName(); }

        @Override
        public void handle(org.flywaydb.core.api.callback.Event e, org.flywaydb.core.api.callback.Context c) {
            long t0 = System.nanoTime();
            try {
                inner.handle(e, c);
            } finally {
                NANOS.merge(e, System.nanoTime() - t0, Long::sum);
            }
        }
    }

    private static Callback[] variant(String name) {
        return switch (name) {
            case "plain" -> new Callback[0];
            case "noop-callback" -> new Callback[] {new NoopCallback()};
            default -> new Callback[] {new Timed(new ZdmCallback(ZdmSettings.defaults()))};
        };
    }

    @Test
    void migrateWithAndWithoutTheCallback() throws Exception {
        int n = Integer.getInteger("zdm.bench.migrations", 500);
        int rounds = Integer.getInteger("zdm.bench.rounds", 3);
        LogFactory.setLogLevel(LogLevel.WARN);
        Path dir = migrations(n);
        Path warmup = migrations(Integer.getInteger("zdm.bench.warmup", 40));
        List<String> variants = List.of(System.getProperty("zdm.bench.variants", "plain,noop-callback,zdm").split(","));
        String syncCommit = System.getProperty("zdm.bench.synchronousCommit", "on");
        try (TestDatabase db = TestDatabase.create()) {
            // off: commits stop waiting for the WAL flush, as on a server with a fast disk; the guard's share grows
            alterSystem(db, "ALTER SYSTEM SET synchronous_commit = '" + ("off".equals(syncCommit) ? "off" : "on") + "'");
        }
        for (String v : variants) {
            try (TestDatabase db = TestDatabase.create()) {
                migrateMillis(db, warmup, variant(v));
            }
        }
        List<Long> inside = new ArrayList<>();
        java.util.Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        variants.forEach(v -> times.put(v, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, r);
            for (String v : order) {
                try (TestDatabase db = TestDatabase.create()) {
                    settle(db);
                    Timed.NANOS.clear();
                    times.get(v).add(migrateMillis(db, dir, variant(v)));
                    if (!Timed.NANOS.isEmpty()) {
                        inside.add(Timed.NANOS.values().stream().mapToLong(Long::longValue).sum() / 1_000_000);
                        if (r == rounds - 1) {
                            Timed.NANOS.forEach((e, ns) -> System.out.printf("  inside %s: %d ms%n", e, ns / 1_000_000));
                        }
                    }
                    drop(db);
                }
            }
        }
        long plain = median(times.getOrDefault("plain", times.values().iterator().next()));
        StringBuilder sb = new StringBuilder("BENCH migrations=" + n + " rounds=" + rounds + " synchronous_commit=" + syncCommit);
        times.forEach((v, t) -> sb.append(String.format("%n  %-14s median %5d ms  ratio %.3f  runs %s", v, median(t),
                (double) median(t) / plain, t)));
        if (times.containsKey("plain")) {
            // Variants of one round run back to back, so their ratio is less exposed to the machine's drift.
            times.forEach((v, t) -> {
                List<Long> permille = new ArrayList<>();
                for (int r = 0; r < t.size(); r++) {
                    permille.add(t.get(r) * 1000 / times.get("plain").get(r));
                }
                sb.append(String.format("%n  %-14s paired ratio, median of rounds %.3f", v, median(permille) / 1000.0));
            });
        }
        if (!inside.isEmpty()) {
            sb.append(String.format("%n  inside the zdm callback: median %d ms, runs %s", median(inside), inside));
        }
        System.out.println(sb);
    }

    private static void alterSystem(TestDatabase db, String sql) throws Exception {
        try (var admin = db.server().connectAdmin(); var s = admin.createStatement()) {
            s.execute(sql);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Flushes what earlier runs left dirty, so a run does not pay for its predecessor's writes. */
    private static void settle(TestDatabase db) throws Exception {
        try (var admin = db.server().connectAdmin(); var s = admin.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** 500 tables a run would pile up on the shared server and slow every later run. */
    private static void drop(TestDatabase db) throws Exception {
        try (var admin = db.server().connectAdmin(); var s = admin.createStatement()) {
            s.execute("DROP DATABASE \"" + db.name().replace("\"", "\"\"") + "\" WITH (FORCE)");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
