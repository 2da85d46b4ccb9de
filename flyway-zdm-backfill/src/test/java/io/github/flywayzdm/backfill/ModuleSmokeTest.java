package io.github.flywayzdm.backfill;

import io.github.flywayzdm.embedded.PgVersions;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The module's tests run on a real PostgreSQL of the selected major (-Dzdm.pg.version, default 17). */
@WithPostgres
class ModuleSmokeTest {

    @Test
    void runsOnTheSelectedPostgresVersion(TestDatabase db) throws Exception {
        int versionNum = db.serverVersionNum();
        assertThat(versionNum).isGreaterThanOrEqualTo(130000);
        if (System.getenv("ZDM_TEST_JDBC_URL") == null) {
            assertThat(versionNum / 10000).isEqualTo(PgVersions.selectedMajor());
        }
    }
}
