package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LintSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyReachesTheConfiguration() throws Exception {
        Path file = dir.resolve("zdm.properties");
        Files.writeString(file, """
                # comment
                pg-version = 15
                fail-on: warning
                rule.drop-column = error   # trailing comment
                rule.drop-index-non-concurrent = off
                exclude = V1__*.sql, legacy/**
                placeholder.schema = app
                baseline-version = 5
                lock-timeout-by-runner = true
                unparsed = error
                """);
        LintConfig config = LintSettings.load(file, LintConfig.builder()).build();
        assertThat(config.pgMajor()).isEqualTo(15);
        assertThat(config.failOn()).contains(Severity.WARNING);
        assertThat(config.severities()).containsEntry("drop-column", Severity.ERROR);
        assertThat(config.disabled()).containsExactly("drop-index-non-concurrent");
        assertThat(config.excludes()).containsExactly("V1__*.sql", "legacy/**");
        assertThat(config.placeholders()).containsEntry("schema", "app");
        assertThat(config.baselineVersion()).contains("5");
        assertThat(config.lockTimeoutByRunner()).isTrue();
        assertThat(config.unparsedSeverity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void failOnNeverAndPgVersionSpellings() {
        LintConfig config = LintSettings.apply(LintConfig.builder(), "fail-on", "never")
                .pgMajor(LintSettings.pgMajor("PostgreSQL 16.4")).build();
        assertThat(config.failOn()).isEmpty();
        assertThat(config.pgMajor()).isEqualTo(16);
    }

    @Test
    void problemsNameTheFileAndLine() throws Exception {
        Path file = dir.resolve("bad.properties");
        for (var bad : List.of(List.of("pg-version = 9", "10..18, got 9"), List.of("pg-versoin = 16", "unknown setting 'pg-versoin'"),
                List.of("rule.no-such-rule = error", "unknown rule 'no-such-rule'"), List.of("fail-on = loud", "Unknown severity 'loud'"),
                List.of("just words", "expected 'key = value'"), List.of("lock-timeout-by-runner = yes", "must be true or false"))) {
            Files.writeString(file, "# first line\n" + bad.get(0) + "\n");
            assertThatThrownBy(() -> LintSettings.load(file, LintConfig.builder()))
                    .isInstanceOf(LintException.class)
                    .hasMessageStartingWith(file + ":2: ")
                    .hasMessageContaining(bad.get(1));
        }
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> LintSettings.load(dir.resolve("nope.properties"), LintConfig.builder()))
                .isInstanceOf(LintException.class).hasMessageEndingWith("nope.properties: no such configuration file");
    }
}
