package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.MigrationRecord;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A concurrent unique build that fails on duplicates leaves an INVALID index behind, as a cancelled one does. */
@WithPostgres
class InvalidIndexTest {

    private static final String VALID = "SELECT coalesce(bool_and(indisvalid)::text, 'missing') FROM pg_index WHERE indexrelid = to_regclass('t_code')";

    @Test
    void ifNotExistsOverAnInvalidLeftoverIsNotRecordedAsSuccess(TestDatabase db) throws Exception {
        MigrationDir m = failedFirstBuild(db, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_code ON t (code);\n");
        Flyway flyway = m.flyway(new ZdmCallback(MigrationDir.testSettings().build()));
        db.execute("DELETE FROM t WHERE id = 2");
        flyway.repair();

        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        Throwable t = catchThrowable(() -> m.flyway(callback).migrate());

        assertThat(t).hasMessageContaining("public.t_code on public.t").hasMessageContaining("INVALID")
                .hasMessageContaining("DROP INDEX CONCURRENTLY public.t_code;").hasMessageContaining("flyway repair");
        assertThat(successRows(db)).isZero();
        MigrationRecord r = callback.lastReport().orElseThrow().migrations().get(0);
        assertThat(r.outcome()).isEqualTo(MigrationRecord.Outcome.FAILED);
        assertThat(r.error()).contains("DROP INDEX CONCURRENTLY public.t_code;");

        // the fix as printed: drop, repair, migrate
        db.execute("DROP INDEX CONCURRENTLY public.t_code");
        flyway.repair();
        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();
        assertThat(db.queryValue(VALID)).isEqualTo("true");
        assertThat(successRows(db)).isOne();
    }

    @Test
    void aPlainRerunOverAnInvalidLeftoverSaysWhatHappenedAndWhatToRun(TestDatabase db) throws Exception {
        MigrationDir m = failedFirstBuild(db, "CREATE UNIQUE INDEX CONCURRENTLY t_code ON t (code);\n");
        db.execute("DELETE FROM t WHERE id = 2");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).repair();

        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        assertThat(catchThrowable(() -> m.flyway(callback).migrate())).hasMessageContaining("already exists");

        MigrationRecord r = callback.lastReport().orElseThrow().migrations().get(0);
        assertThat(r.sqlState()).isEqualTo("42P07");
        assertThat(r.error()).contains("public.t_code already exists and is INVALID")
                .contains("DROP INDEX CONCURRENTLY public.t_code;").contains("flyway repair");
    }

    @Test
    void aPlainIfNotExistsBuildInATransactionOverAnInvalidLeftoverIsRefusedToo(TestDatabase db) throws Exception {
        // the leftover comes from a failed concurrent build; the follow-up builds without CONCURRENTLY, in a
        // transaction, and IF NOT EXISTS skips the INVALID index just the same
        MigrationDir m = failedFirstBuild(db, "CREATE UNIQUE INDEX CONCURRENTLY t_code ON t (code);\n");
        db.execute("DELETE FROM t WHERE id = 2");
        db.execute("DELETE FROM flyway_schema_history WHERE version = '2'");
        m.write("V2__code.sql", "CREATE UNIQUE INDEX IF NOT EXISTS t_code ON t (code);\n");

        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        Throwable t = catchThrowable(() -> m.flyway(callback).migrate());

        assertThat(t).hasMessageContaining("public.t_code on public.t").hasMessageContaining("INVALID");
        assertThat(successRows(db)).isZero();
        assertThat(callback.lastReport().orElseThrow().migrations().get(0).transactional()).isTrue();
    }

    @Test
    void aValidIndexPasses(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, code int);\n")
                .write("V2__code.sql", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_code ON t (code);\n");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();
        assertThat(successRows(db)).isOne();
        assertThat(db.queryValue(VALID)).isEqualTo("true");
    }

    /** V2 builds a unique index over duplicates: it fails, Flyway writes a failed row, the index stays INVALID. */
    private static MigrationDir failedFirstBuild(TestDatabase db, String v2) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, code int);\n"
                        + "INSERT INTO t VALUES (1, 7), (2, 7);\n")
                .write("V2__code.sql", v2);
        assertThat(catchThrowable(() -> m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate()))
                .hasMessageContaining("23505");
        assertThat(db.queryValue(VALID)).isEqualTo("false");
        return m;
    }

    private static long successRows(TestDatabase db) throws Exception {
        return db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success");
    }
}
