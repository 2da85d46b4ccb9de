package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules whose claim is a failure or a held row lock rather than a table lock. */
@WithPostgres
class FailureClaimsTest {

    /** add-column-required: NOT NULL without DEFAULT fails on a table with rows; with a constant DEFAULT it works. */
    @Test
    void requiredColumnWithoutDefaultFailsOnATableWithRows(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        assertThatThrownBy(() -> db.execute("ALTER TABLE t ADD COLUMN r text NOT NULL"))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23502");
        db.execute("ALTER TABLE t ADD COLUMN r text NOT NULL DEFAULT 'eu'");
        assertThat(rules("ALTER TABLE t ADD COLUMN r text NOT NULL;")).contains("add-column-required");
        assertThat(rules("ALTER TABLE t ADD COLUMN r text NOT NULL DEFAULT 'eu';")).doesNotContain("add-column-required");
    }

    /** unbatched-data-change: one UPDATE keeps every changed row locked until the migration commits. */
    @Test
    void oneUpdateKeepsEveryChangedRowLockedUntilCommit(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        try (Connection migration = db.connect(); Connection app = db.connect(); Statement m = migration.createStatement();
             Statement a = app.createStatement()) {
            migration.setAutoCommit(false);
            m.execute("UPDATE t SET n = n + 1");
            a.execute("SET lock_timeout = '200ms'");
            assertThatThrownBy(() -> a.execute("UPDATE t SET c = 'app' WHERE id = 1999"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
            migration.commit();
            a.execute("UPDATE t SET c = 'app' WHERE id = 1999");
        }
        assertThat(rules("UPDATE t SET n = n + 1;")).contains("unbatched-data-change");
    }

    /** enum-add-value-in-transaction: a value added in a transaction cannot be used before it commits. */
    @Test
    void aNewEnumValueCannotBeUsedInTheTransactionThatAddsIt(TestDatabase db) throws Exception {
        db.execute("CREATE TYPE mood AS ENUM ('ok')", "CREATE TABLE p (m mood)");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TYPE mood ADD VALUE 'happy'");
            assertThatThrownBy(() -> s.execute("INSERT INTO p VALUES ('happy')"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P04");
            c.rollback();
        }
        List<String> found = Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build()).lint(List.of(
                MigrationScript.of("V1__s.sql", "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE p (m mood);"),
                MigrationScript.of("V2__x.sql", "ALTER TYPE mood ADD VALUE 'happy';\nINSERT INTO p VALUES ('happy');")),
                s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
        assertThat(found).contains("enum-add-value-in-transaction");
    }

    private static List<String> rules(String sql) {
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__s.sql", Observer.SCHEMA), MigrationScript.of("V2__x.sql", sql)),
                        s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
    }
}
