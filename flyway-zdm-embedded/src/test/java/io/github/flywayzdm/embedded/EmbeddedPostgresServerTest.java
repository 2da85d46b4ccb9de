package io.github.flywayzdm.embedded;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @Test
    void startsTheSelectedMajorVersion() throws Exception {
        int major = PgVersions.selectedMajor();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(major);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('fsync')")) {
            rs.next();
            assertThat(rs.getInt(1) / 10000).isEqualTo(major);
            assertThat(rs.getString(2)).isEqualTo("off");
        }
    }

    @Test
    void parsesVersionsAndRejectsUnsupportedOnes() {
        assertThat(PgVersions.parseMajor("16")).isEqualTo(16);
        assertThat(PgVersions.parseMajor(" 18.6.0 ")).isEqualTo(18);
        assertThatThrownBy(() -> PgVersions.parseMajor("12")).hasMessageContaining("not supported").hasMessageContaining("13");
        assertThatThrownBy(() -> PgVersions.parseMajor("latest")).hasMessageContaining("Not a PostgreSQL version");
    }
}
