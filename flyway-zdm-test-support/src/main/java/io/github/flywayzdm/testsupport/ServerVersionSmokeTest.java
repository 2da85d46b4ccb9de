package io.github.flywayzdm.testsupport;

import io.github.flywayzdm.embedded.PgVersions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Extend it once per module: proves the module's tests run on a real PostgreSQL of the selected major
 * ({@code -Dzdm.pg.version}, default 17), or on the server given by {@code ZDM_TEST_JDBC_URL}.
 */
@WithPostgres
public abstract class ServerVersionSmokeTest {

    @Test
    void runsOnTheSelectedPostgresVersion(TestDatabase db) throws Exception {
        int versionNum = db.serverVersionNum();
        assertTrue(versionNum >= 130000, "PostgreSQL 13 or newer, got " + versionNum);
        if (System.getenv("ZDM_TEST_JDBC_URL") == null) {
            assertEquals(PgVersions.selectedMajor(), versionNum / 10000, "server major");
        }
    }
}
