package io.github.flywayzdm.testsupport;

import io.github.flywayzdm.embedded.PgVersions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class TestDatabaseTest {

    @Test
    void runsOnTheSelectedMajorVersion(TestDatabase db) throws Exception {
        if (System.getenv("ZDM_TEST_JDBC_URL") == null) {
            assertThat(db.serverMajor()).isEqualTo(PgVersions.selectedMajor());
        }
        assertThat(db.serverVersionNum()).isGreaterThanOrEqualTo(130000);
    }

    @Test
    void eachTestGetsItsOwnEmptyDatabase(TestDatabase db) throws Exception {
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
        db.execute("CREATE TABLE mine (id int)");
        assertThat(db.queryValue("SELECT current_database()")).isEqualTo(db.name());
    }

    @Test
    void secondSessionIsASeparateBackend(TestDatabase db) throws Exception {
        try (Connection a = db.connect(); Connection b = db.connect();
             Statement sa = a.createStatement(); Statement sb = b.createStatement();
             ResultSet ra = sa.executeQuery("SELECT pg_backend_pid()"); ResultSet rb = sb.executeQuery("SELECT pg_backend_pid()")) {
            ra.next();
            rb.next();
            assertThat(ra.getInt(1)).isNotEqualTo(rb.getInt(1));
        }
    }

    @Test
    void databaseIsDroppedAfterClose() throws Exception {
        TestDatabase db = TestDatabase.create();
        String name = db.name();
        db.close();
        try (Connection admin = PostgresServer.get().connectAdmin(); Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void jdbcUrlKeepsParametersWhenSwitchingDatabase() {
        PostgresServer s = PostgresServer.of("jdbc:postgresql://h:5432/postgres?ssl=false", "u", "p", "test");
        assertThat(s.jdbcUrl("other")).isEqualTo("jdbc:postgresql://h:5432/other?ssl=false");
    }
}
