package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.MigrationRecord;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * unbatched-data-change in the guard, on a table that existed before the migrations (so the history knows none of its
 * keys): judged by the live primary key and unique indexes, and by the live size.
 */
@WithPostgres
class DataChangeKeysTest {

    private static void legacyTable(TestDatabase db, int rows) throws Exception {
        db.execute("CREATE TABLE legacy (id bigint PRIMARY KEY, code text, tenant int, note text)",
                "CREATE UNIQUE INDEX legacy_code ON legacy (code)",
                "INSERT INTO legacy SELECT g, 'c' || g, g % 10, null FROM generate_series(1, " + rows + ") g", "ANALYZE legacy");
    }

    /** Adopting Flyway on a database that has tables already: the history starts at a baseline. */
    private static void migrate(MigrationDir m, ZdmCallback callback) {
        m.configure(callback).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    private static List<String> unbatched(ZdmCallback callback) {
        MigrationRecord r = callback.lastReport().orElseThrow().migrations().stream()
                .filter(x -> x.version().equals("1")).findFirst().orElseThrow();
        return r.findings().stream().filter(f -> f.ruleId().equals("unbatched-data-change"))
                .map(f -> f.line() + ":" + f.severity()).toList();
    }

    @Test
    void aKeyOrUniqueEqualityOnALiveTableIsAOneRowFixAndAnythingElseIsReported(TestDatabase db) throws Exception {
        legacyTable(db, 5000);
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        migrate(new MigrationDir(db).write("V1__fixes.sql", """
                UPDATE legacy SET note = 'a' WHERE id = 42;
                UPDATE legacy SET note = 'b' WHERE code = 'c7';
                UPDATE legacy SET note = 'c' WHERE tenant = 3;
                DELETE FROM legacy WHERE id IN (1, 2, 3);
                """), callback);
        assertThat(unbatched(callback)).containsExactly("3:" + Severity.WARNING);
    }

    @Test
    void onASmallLiveTableTheUnpinnedChangeIsInfo(TestDatabase db) throws Exception {
        legacyTable(db, 200);
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        migrate(new MigrationDir(db).write("V1__fixes.sql", "UPDATE legacy SET note = 'c' WHERE tenant = 3;\n"), callback);
        assertThat(unbatched(callback)).containsExactly("1:" + Severity.INFO);
    }

    /** The claim behind the verdict: equality on the primary key locks one row; on a non-unique column, many. */
    @Test
    void onTheServerAKeyEqualityLocksOneRowAndANonUniqueEqualityLocksMany(TestDatabase db) throws Exception {
        legacyTable(db, 5000);
        assertThat(rowsLockedBy(db, "UPDATE legacy SET note = 'a' WHERE id = 42")).isOne();
        assertThat(rowsLockedBy(db, "UPDATE legacy SET note = 'b' WHERE code = 'c7'")).isOne();
        assertThat(rowsLockedBy(db, "UPDATE legacy SET note = 'c' WHERE tenant = 3")).isEqualTo(500);
    }

    /** Runs the change in an open transaction and counts, from another session, the rows it keeps locked. */
    private static long rowsLockedBy(TestDatabase db, String sql) throws Exception {
        try (Connection a = db.connect(); Connection b = db.connect(); Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            sa.execute(sql);
            b.setAutoCommit(false);
            try (ResultSet rs = sb.executeQuery("SELECT count(*) FROM (SELECT 1 FROM legacy FOR UPDATE SKIP LOCKED) free")) {
                rs.next();
                long free = rs.getLong(1);
                b.rollback();
                a.rollback();
                return 5000 - free;
            }
        }
    }
}
