package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.Durations;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.ScriptAnalysis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the guard reads from a script comes from the linter's one reading ({@link Linter#analyze}). */
class GuardReadingTest {

    private static ScriptAnalysis read(String sql) {
        return Linter.withDefaults().analyze(MigrationScript.of("V1__x.sql", sql));
    }

    @Test
    void concurrentlyInCommentsOrStringsDoesNotCount() {
        assertThat(read("CREATE INDEX CONCURRENTLY i ON t (a);").usesConcurrently()).isTrue();
        assertThat(read("-- not CONCURRENTLY\n/* concurrently */ SELECT 'concurrently', $$concurrently$$;").usesConcurrently())
                .isFalse();
        assertThat(read("REINDEX INDEX CONCURRENTLY i;").usesUndetectedConcurrently()).isTrue();
        assertThat(read("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;").usesUndetectedConcurrently()).isTrue();
        assertThat(read("CREATE INDEX CONCURRENTLY i ON t (a);").usesUndetectedConcurrently()).isFalse();
    }

    @Test
    void changedTablesAreTheOnesToAnalyzeAsWritten() {
        assertThat(read("ALTER TABLE ONLY app.orders ADD COLUMN a int; CREATE INDEX CONCURRENTLY ON items (a);"
                + " UPDATE users SET a = 1; CREATE UNIQUE INDEX i ON accounts (id); CREATE TABLE fresh (id int);").changedRelations())
                .containsExactly("app.orders", "items", "users", "accounts");
        // quoted names keep their quotes, for the migration's session to resolve with to_regclass
        assertThat(read("ALTER TABLE \"Order\" ADD COLUMN a int; UPDATE \"x\".y SET a = 1;").changedRelations())
                .containsExactly("\"Order\"", "x.y");
    }

    @Test
    void directivesUseTheLintersDurationGrammar() {
        ScriptAnalysis d = read("-- zdm:lock_timeout=10s\n/* zdm:statement_timeout = '5min' */\nSELECT 1;");
        assertThat(d.lockTimeout()).contains(Duration.ofSeconds(10));
        assertThat(d.statementTimeout()).contains(Duration.ofMinutes(5));
        assertThat(read("SELECT 1;").lockTimeout()).isEmpty();
        assertThatThrownBy(() -> read("SELECT 1;\n-- zdm:lock_timeout=10parsecs\n"))
                .isInstanceOf(LintException.class).hasMessageContaining("V1__x.sql:2");
    }

    @Test
    void settingsUseTheSameDurationGrammarAndAreFormattedAsPostgresqlPrintsThem() {
        assertThat(io.github.flywayzdm.callbacks.ZdmSettings.fromMap(Map.of("lockTimeout", "1.5s")).lockTimeout())
                .isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> io.github.flywayzdm.callbacks.ZdmSettings.fromMap(Map.of("watchdog", "5 parsecs")))
                .hasMessageContaining("flyway.zdm.watchdog").hasMessageContaining("expected a duration");
        assertThat(Durations.parse("300")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationFormat.format(Duration.ofMillis(90_000))).isEqualTo("90s");
        assertThat(DurationFormat.format(Duration.ZERO)).isEqualTo("0");
    }

    @Test
    void placeholdersAreCaseInsensitiveAndUnknownOnesStay() {
        assertThat(io.github.flywayzdm.lint.FlywayPlaceholders.of(Map.of("schema", "app"), "${", "}")
                .apply("CREATE TABLE ${Schema}.t (${missing} int)"))
                .isEqualTo("CREATE TABLE app.t (${missing} int)");
        // a configured value wins over a built-in of the same name in another case; other delimiters
        org.flywaydb.core.api.configuration.Configuration config = org.flywaydb.core.Flyway.configure()
                .placeholders(Map.of("FLYWAY:USER", "configured")).placeholderPrefix("#[").placeholderSuffix("]").load()
                .getConfiguration();
        assertThat(new ScriptSource(config).substitute("SELECT '#[flyway:user]', '#[flyway:filename]', '${x}';", "db/V1__a.sql",
                Map.of("flyway:user", "built-in")))
                .isEqualTo("SELECT 'configured', 'V1__a.sql', '${x}';");
    }
}
