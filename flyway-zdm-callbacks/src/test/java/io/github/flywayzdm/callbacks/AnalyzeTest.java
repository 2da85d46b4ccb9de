package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.MigrationRecord;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class AnalyzeTest {

    @Test
    void analyzesEachChangedTableOnceAfterCommitWithoutBlockingTheApplication(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().analyzeAfterMigration(true).build());
        MigrationDir m = new MigrationDir(db).write("V1__accounts.sql",
                "CREATE TABLE accounts (id int PRIMARY KEY, balance int) WITH (autovacuum_enabled = false);\n"
                        + "INSERT INTO accounts SELECT g, 0 FROM generate_series(1, 500) g;\n");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();
        assertThat(db.queryValue("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'accounts'")).isNull();
        // one table under two names; the ALTER keeps ACCESS EXCLUSIVE on it until the migration commits
        m.write("V2__note.sql", "ALTER TABLE accounts ADD COLUMN note text;\nUPDATE public.accounts SET note = 'x' WHERE id < 10;\n");

        AtomicBoolean migrating = new AtomicBoolean(true);
        CompletableFuture<Long> application = CompletableFuture.supplyAsync(() -> longestQueryMillis(db, migrating));
        try {
            m.flyway(callback).migrate();
        } finally {
            migrating.set(false);
        }

        // it waited 10 s before (two ANALYZEs behind the migration's lock, 5 s each); the bound allows a loaded machine
        assertThat(application.get(30, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(4).toMillis());
        assertThat(lastAnalyze(db)).isNotNull();
        List<String> notes = callback.lastReport().orElseThrow().migrations().stream()
                .flatMap(r -> r.notes().stream()).filter(n -> n.startsWith("ANALYZE")).toList();
        assertThat(notes).containsExactly("ANALYZE public.accounts");
    }

    /** Before PostgreSQL 15 the statistics collector publishes with a delay (about half a second): wait up to 10 s. */
    private static Object lastAnalyze(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object value;
        while ((value = db.queryValue("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'accounts'")) == null
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return value;
    }

    @Test
    void anAnalyzeThatCannotGetItsLockGivesUpAfterLockTimeout(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().analyzeAfterMigration(true).build());
        MigrationDir m = new MigrationDir(db).write("V1__accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY);\n")
                .write("V2__seed.sql", "INSERT INTO accounts SELECT g FROM generate_series(1, 10) g;\n");
        m.configure(new ZdmCallback(MigrationDir.testSettings().build())).target("1").load().migrate();
        // another session's SHARE UPDATE EXCLUSIVE conflicts with ANALYZE's own lock, not with the INSERT
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE");
            m.flyway(callback).migrate(); // the note below comes from SQLSTATE 55P03: it gave up after lock_timeout
            holder.rollback();
        }
        MigrationRecord r = callback.lastReport().orElseThrow().migrations().get(0);
        assertThat(r.outcome()).isEqualTo(MigrationRecord.Outcome.SUCCESS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("ANALYZE public.accounts skipped") && n.contains("lock_timeout"));
    }

    private static long longestQueryMillis(TestDatabase db, AtomicBoolean migrating) {
        long longest = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            while (migrating.get()) {
                long t0 = System.nanoTime();
                s.execute("SELECT count(*) FROM accounts");
                longest = Math.max(longest, (System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return longest;
    }
}
