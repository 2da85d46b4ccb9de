package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LintSessionTest {

    @Test
    void eachMigrationIsJudgedWithTheOnesBeforeIt() {
        LintSession session = Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build()).newSession();
        session.replay(MigrationScript.of("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text);"));
        session.replay(MigrationScript.of("V2__check.sql", "ALTER TABLE t ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL) NOT VALID;"));
        assertThat(session.lint(MigrationScript.of("V3__validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT t_c_nn;")).active()).isEmpty();
        LintReport notNull = session.lint(MigrationScript.of("V4__not_null.sql", "ALTER TABLE t ALTER COLUMN c SET NOT NULL;"));
        assertThat(notNull.active()).isEmpty();
        assertThat(notNull.files()).isEqualTo(1);
        LintReport index = session.lint(MigrationScript.of("V5__index.sql", "CREATE INDEX i ON t (c);"));
        assertThat(index.active()).extracting(Finding::ruleId).containsExactly("create-index-non-concurrent");
    }

    @Test
    void withoutTheContextTheSameMigrationIsFlagged() {
        LintSession session = Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build()).newSession();
        session.replay(MigrationScript.of("V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY, c text);"));
        assertThat(session.lint(MigrationScript.of("V4__not_null.sql", "ALTER TABLE t ALTER COLUMN c SET NOT NULL;")).active())
                .extracting(Finding::ruleId).containsExactly("set-not-null-scan");
    }
}
