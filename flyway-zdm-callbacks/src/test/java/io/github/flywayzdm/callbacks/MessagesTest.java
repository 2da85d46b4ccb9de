package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What users read: each problem once, with what to do, in one vocabulary, with nothing a terminal would execute. */
@WithPostgres
class MessagesTest {

    @Test
    void aRefusalIsPrintedOnce(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text);\n"
                + "INSERT INTO t SELECT g, 'x' FROM generate_series(1, 5000) g;\n");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();
        db.execute("ANALYZE t");
        m.write("V2__index.sql", "CREATE INDEX t_c ON t (c);\n");
        try (CapturedLog log = new CapturedLog()) {
            Throwable e = catchThrowable(() -> m.flyway(new ZdmCallback(MigrationDir.testSettings().smallTableRows(10).build())).migrate());
            String cli = log.text() + "\n" + CapturedLog.asFlywayCliPrints(e);
            assertThat(CapturedLog.count(cli, "No history row was written")).as(cli).isOne();
            assertThat(CapturedLog.count(cli, "[create-index-non-concurrent, error]")).as(cli).isOne();
            // the summary still lists it, without timeouts it never had
            assertThat(log.text()).contains("REFUSED  V2 'index'").contains("not run").doesNotContain("lock_timeout= ");
        }
    }

    @Test
    void theHeaderAndTheSummaryUseOneVocabulary(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n");
        try (CapturedLog log = new CapturedLog()) {
            m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();
            assertThat(log.text()).contains("lock_timeout=300ms, statement_timeout=0")
                    .contains("lock_timeout=300ms statement_timeout=0 findings=0")
                    .doesNotContain("statementTimeout").doesNotContain("lockTimeout");
        }
    }

    @Test
    void terminalEscapesInNamesAreShownNotExecuted(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "CREATE TABLE \"t\u001b[2J\" (id bigint PRIMARY KEY, c text);\n"
                + "INSERT INTO \"t\u001b[2J\" SELECT g, 'x' FROM generate_series(1, 5000) g;\nANALYZE \"t\u001b[2J\";\n");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();
        m.write("V2__index.sql", "CREATE INDEX \"i\u001b[31m\" ON \"t\u001b[2J\" (c);\n");
        try (CapturedLog log = new CapturedLog()) {
            Throwable e = catchThrowable(() -> m.flyway(new ZdmCallback(MigrationDir.testSettings().smallTableRows(10).build())).migrate());
            String cli = log.text() + "\n" + CapturedLog.asFlywayCliPrints(e);
            assertThat(cli).contains("create-index-non-concurrent").contains("\\u001b[31m").doesNotContain("\u001b");
        }
    }

    @Test
    void anOutOfRangeDirectiveSaysWhatIsWrongInWords(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "-- zdm:lock_timeout=99999999999999999999s\nCREATE TABLE t (id bigint);\n");
        Throwable e = catchThrowable(() -> m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate());
        assertThat(e).hasMessageContaining("V1__t.sql").hasMessageContaining("too long").hasMessageNotContaining("For input string");
        assertThat(m.historyRows("1")).isZero();
    }

    @Test
    void anOutOfRangeSettingSaysWhatIsWrongInWords() {
        assertThat(catchThrowable(() -> ZdmSettings.fromMap(java.util.Map.of("lockTimeout", "99999999999999999999"))))
                .hasMessageContaining("flyway.zdm.lockTimeout").hasMessageContaining("too long").hasMessageNotContaining("For input string");
    }
}
