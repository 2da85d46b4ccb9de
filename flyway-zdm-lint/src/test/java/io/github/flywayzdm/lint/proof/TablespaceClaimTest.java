package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.PostgresServer;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.github.flywayzdm.lint.proof.Observation.READS_BLOCKED;
import static io.github.flywayzdm.lint.proof.Observation.REWRITTEN;
import static io.github.flywayzdm.lint.proof.Observation.WRITES_BLOCKED;
import static org.assertj.core.api.Assertions.assertThat;

/** set-tablespace: moving a table copies it under ACCESS EXCLUSIVE. Needs a directory on the server's machine. */
@WithPostgres
class TablespaceClaimTest {

    @Test
    void setTablespaceRewritesUnderAccessExclusive(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(PostgresServer.get().origin().startsWith("embedded"),
                "a tablespace needs a directory on the server's own file system");
        Path dir = Files.createTempDirectory("zdm-tablespace");
        String name = "zdm_ts_" + Math.abs(System.nanoTime() % 1_000_000);
        db.execute("CREATE TABLESPACE " + name + " LOCATION '" + dir.toAbsolutePath() + "'");
        try {
            assertThat(Observer.observe(db, "", "ALTER TABLE t SET TABLESPACE " + name))
                    .isEqualTo(Set.of(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN));
        } finally {
            db.close(); // the database holds no relation in the tablespace after its drop
            try (TestDatabase admin = TestDatabase.create()) {
                admin.execute("DROP TABLESPACE IF EXISTS " + name);
            }
        }
        List<String> rules = Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__s.sql", Observer.SCHEMA),
                        MigrationScript.of("V2__x.sql", "ALTER TABLE t SET TABLESPACE " + name + ";")), s -> s.path().startsWith("V2"))
                .active().stream().map(f -> f.ruleId()).toList();
        assertThat(rules).contains("set-tablespace");
    }
}
