package io.github.flywayzdm.embedded;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    @Test
    void theServersOwnOutputStaysOutOfTheLogUnlessItFails() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(PgVersions.selectedMajor())) {
                assertThat(pg.port()).isPositive();
            }
            Thread.sleep(500); // zonky logs the server's output from background threads
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("The files belonging to this database system").doesNotContain("database system is ready")
                .doesNotContain("initdb").doesNotContain("postmaster");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(PgVersions.selectedMajor(), Map.of("shared_buffers", "lots")))
                .hasMessageContaining("Could not start embedded PostgreSQL")
                .hasMessageContaining("shared_buffers"); // the tail of the server's own log says why
    }
}
