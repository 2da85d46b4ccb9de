package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The public summary of the last migrate run, which the Spring Boot Actuator endpoint shows. */
@WithPostgres
class LastRunTest {

    @Test
    void emptyBeforeTheFirstRunThenEachRunsOutcomeAndLines(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().smallTableRows(0).build());
        assertThat(callback.lastRun()).isEmpty();
        MigrationDir m = new MigrationDir(db).write("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, code int);\n");
        m.flyway(callback).migrate();
        ZdmCallback.RunSummary first = callback.lastRun().orElseThrow();
        assertThat(first.outcome()).isEqualTo("success");
        assertThat(first.error()).isEmpty();
        assertThat(first.migrations()).singleElement().asString().startsWith("SUCCESS  V1 't'");

        m.write("V2__idx.sql", "CREATE INDEX t_code ON t (code);\n");
        assertThat(catchThrowable(() -> m.flyway(callback).migrate())).hasMessageContaining("flyway-zdm refused migration V2");
        ZdmCallback.RunSummary refused = callback.lastRun().orElseThrow();
        assertThat(refused.outcome()).isEqualTo("refused");
        assertThat(refused.id()).isNotEqualTo(first.id());
        assertThat(refused.started()).isAfterOrEqualTo(first.started());
        assertThat(refused.migrations()).anySatisfy(line -> assertThat(line).startsWith("REFUSED  V2 'idx'"));
    }
}
