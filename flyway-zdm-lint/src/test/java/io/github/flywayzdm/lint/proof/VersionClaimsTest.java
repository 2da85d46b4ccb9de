package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static io.github.flywayzdm.lint.proof.Observation.READS_BLOCKED;
import static io.github.flywayzdm.lint.proof.Observation.REFUSED_IN_TRANSACTION;
import static io.github.flywayzdm.lint.proof.Observation.SCANNED;
import static io.github.flywayzdm.lint.proof.Observation.WRITES_BLOCKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Claims that change with the PostgreSQL version, proven on whichever major the run uses (CI runs 13, 17 and 18):
 * the safe alternative a rule suggests must exist on that version, and the rule must not suggest it where it does not.
 */
@WithPostgres
class VersionClaimsTest {

    private static final String PARTITIONED = "DROP TABLE t; CREATE TABLE t (id bigint, n int) PARTITION BY RANGE (id); "
            + "CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (50000); CREATE TABLE t2 PARTITION OF t FOR VALUES FROM (50000) TO (200000); "
            + "INSERT INTO t SELECT g, g FROM generate_series(1, 2000) g";

    @Test
    void detachPartitionConcurrentlyExistsFromPostgres14(TestDatabase db) throws Exception {
        int major = db.serverMajor();
        try (TestDatabase unsafe = TestDatabase.create()) {
            assertThat(Observer.observe(unsafe, PARTITIONED, "ALTER TABLE t DETACH PARTITION t1"))
                    .isEqualTo(Set.of(READS_BLOCKED, WRITES_BLOCKED));
        }
        String concurrently = "ALTER TABLE t DETACH PARTITION t1 CONCURRENTLY";
        if (major >= 14) {
            assertThat(Observer.observe(db, PARTITIONED, concurrently)).isEqualTo(Set.of(REFUSED_IN_TRANSACTION));
        } else {
            assertThatThrownBy(() -> Observer.observe(db, PARTITIONED, concurrently)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        }
        assertThat(rules(major, "CREATE TABLE t (id bigint) PARTITION BY RANGE (id); CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);",
                "ALTER TABLE t DETACH PARTITION t1;")).as("the rule only suggests CONCURRENTLY where it exists")
                .matches(r -> r.contains("detach-partition-non-concurrent") == (major >= 14));
    }

    @Test
    void notNullNotValidExistsFromPostgres18(TestDatabase db) throws Exception {
        int major = db.serverMajor();
        String notValid = "ALTER TABLE t ADD CONSTRAINT t_c_nn NOT NULL c NOT VALID";
        if (major >= 18) {
            assertThat(Observer.observe(db, "", notValid)).isEqualTo(Set.of(READS_BLOCKED, WRITES_BLOCKED));
            try (TestDatabase scan = TestDatabase.create()) {
                assertThat(Observer.observe(scan, notValid, "ALTER TABLE t VALIDATE CONSTRAINT t_c_nn")).isEqualTo(Set.of(SCANNED));
            }
        } else {
            assertThatThrownBy(() -> Observer.observe(db, "", notValid)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        }
        String advice = Linter.of(LintConfig.builder().pgMajor(major).lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__s.sql", Observer.SCHEMA), MigrationScript.of("V2__n.sql",
                        "ALTER TABLE t ALTER COLUMN c SET NOT NULL;")), s -> s.path().startsWith("V2"))
                .active().get(0).safeAlternative();
        assertThat(advice.contains("NOT NULL c NOT VALID")).as("PG 18 advice uses NOT NULL NOT VALID: %s", advice).isEqualTo(major >= 18);
    }

    @Test
    void reindexWithConcurrentlyInTheOptionListExistsFromPostgres14(TestDatabase db) throws Exception {
        int major = db.serverMajor();
        String option = "REINDEX (CONCURRENTLY) TABLE t";
        if (major >= 14) {
            assertThat(Observer.observe(db, "", option)).isEqualTo(Set.of(REFUSED_IN_TRANSACTION));
        } else {
            assertThatThrownBy(() -> Observer.observe(db, "", option)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        }
        // run outside a transaction (the sidecar), as a concurrent REINDEX must be
        List<MigrationScript> scripts = List.of(MigrationScript.of("V1__s.sql", Observer.SCHEMA),
                new MigrationScript("V2__x.sql", option + ";", false));
        List<String> rules = Linter.of(LintConfig.builder().pgMajor(major).lockTimeoutByRunner(true).build())
                .lint(scripts, s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
        assertThat(rules.contains("reindex-non-concurrent")).as("reported exactly where it is a syntax error: %s", rules)
                .isEqualTo(major < 14);
    }

    private static List<String> rules(int major, String schema, String sql) {
        return Linter.of(LintConfig.builder().pgMajor(major).lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__s.sql", schema), MigrationScript.of("V2__x.sql", sql)), s -> s.path().startsWith("V2"))
                .active().stream().map(f -> f.ruleId()).toList();
    }
}
