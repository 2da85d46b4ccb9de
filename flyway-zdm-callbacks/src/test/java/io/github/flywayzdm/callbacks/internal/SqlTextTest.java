package io.github.flywayzdm.callbacks.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlTextTest {

    @Test
    void concurrentlyInCommentsOrStringsDoesNotCount() {
        assertThat(SqlText.of("CREATE INDEX CONCURRENTLY i ON t (a);").usesConcurrently()).isTrue();
        assertThat(SqlText.of("-- not CONCURRENTLY\n/* concurrently */ SELECT 'concurrently', $$concurrently$$;").usesConcurrently())
                .isFalse();
        assertThat(SqlText.of("REINDEX INDEX CONCURRENTLY i;").usesUndetectedConcurrently()).isTrue();
        assertThat(SqlText.of("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;").usesUndetectedConcurrently()).isTrue();
        assertThat(SqlText.of("CREATE INDEX CONCURRENTLY i ON t (a);").usesUndetectedConcurrently()).isFalse();
        assertThat(SqlText.sidecarDisablesTransaction("executeInTransaction=false\n")).isTrue();
        assertThat(SqlText.sidecarDisablesTransaction("executeInTransaction=true\n")).isFalse();
    }

    @Test
    void settingChangesAndChangedTables() {
        assertThat(SqlText.of("ALTER TABLE ONLY app.orders ADD COLUMN a int; CREATE INDEX CONCURRENTLY ON items (a);"
                + " UPDATE users SET a = 1; CREATE UNIQUE INDEX i ON accounts (id); CREATE TABLE fresh (id int);").changedTables())
                .containsExactly("app.orders", "items", "users", "accounts");
        // a quoted name is not one to splice into ANALYZE, and what follows it is not a table name either
        assertThat(SqlText.of("ALTER TABLE \"Order\" ADD COLUMN a int; UPDATE \"x\".y SET a = 1;").changedTables()).isEmpty();
    }

    @Test
    void directivesAndDurations() {
        Directives d = Directives.parse("-- zdm:lock_timeout=10s\n/* zdm:statement_timeout = '5min' */\nSELECT 1;");
        assertThat(d.lockTimeout()).contains(Duration.ofSeconds(10));
        assertThat(d.statementTimeout()).contains(Duration.ofMinutes(5));
        assertThat(Directives.parse("SELECT 1;")).isEqualTo(Directives.NONE);
        assertThatThrownBy(() -> Directives.parse("SELECT 1;\n-- zdm:lock_timeout=10parsecs\n"))
                .hasMessageContaining("line 2");
        assertThat(DurationText.parse("300")).isEqualTo(Duration.ofMillis(300));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.format(Duration.ofMillis(90_000))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0");
    }

    @Test
    void placeholdersAreCaseInsensitiveAndUnknownOnesStay() {
        assertThat(ScriptSource.replace("CREATE TABLE ${Schema}.t (${missing} int)", ScriptSource.pattern("${", "}"), Map.of("schema", "app")))
                .isEqualTo("CREATE TABLE app.t (${missing} int)");
    }
}
