package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintException;
import io.github.flywayzdm.lint.LintReport;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationFiles;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.internal.model.Identifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safe side of each blind-spot class (no false alarm where PostgreSQL agrees it is safe), and robustness. */
class BlindSpotsTest {

    private static final MigrationScript SCHEMA = MigrationScript.of("V1__schema.sql",
            "CREATE TABLE orders (id bigint PRIMARY KEY, c int);\nCREATE TABLE parts (id bigint, c int) PARTITION BY RANGE (id);");

    private static List<String> active(String sql) {
        LintReport report = Linter.withDefaults().lint(List.of(SCHEMA, MigrationScript.of("V2__x.sql", sql)), s -> s.path().startsWith("V2"));
        return report.active().stream().map(Finding::ruleId).toList();
    }

    @Test
    void aTableReallyCreatedHereIsStillExempt() {
        assertThat(active("CREATE TABLE fresh (c int);\nCREATE INDEX ON fresh (c);")).doesNotContain("create-index-non-concurrent");
        assertThat(active("SET search_path = archive;\nCREATE TABLE orders (c int);\nCREATE INDEX ON orders (c);"))
                .as("resolves to archive.orders, which was created here").doesNotContain("create-index-non-concurrent");
        assertThat(active("CREATE TEMP TABLE orders (c int);\nCREATE INDEX ON orders (c);"))
                .as("pg_temp is searched first: this is the temporary table").doesNotContain("create-index-non-concurrent");
        assertThat(active("CREATE TABLE \"Ärzte\" (c int);\nCREATE INDEX ON Ärzte (c);")).doesNotContain("create-index-non-concurrent");
    }

    @Test
    void identifiersFoldOnlyAsciiAndAreCutAt63Bytes() {
        assertThat(Identifiers.normalize("Ärzte")).isEqualTo("Ärzte");
        assertThat(Identifiers.normalize("ORDERS")).isEqualTo("orders");
        assertThat(Identifiers.normalize("x".repeat(70))).hasSize(63);
        assertThat(Identifiers.normalize("\"" + "ä".repeat(40) + "\"")).isEqualTo("ä".repeat(31)); // 2 bytes each
        assertThat(Identifiers.normalize("U&\"d\\0061t\\+000061\"")).isEqualTo("data");
        assertThat(Identifiers.normalize("U&\"d!0061ta\"", '!')).isEqualTo("data");
    }

    @Test
    void onOnlyIsExemptOnAPartitionedParent() {
        assertThat(active("CREATE INDEX i ON ONLY parts (c);")).doesNotContain("create-index-non-concurrent");
        assertThat(active("CREATE INDEX i ON ONLY orders (c);")).contains("create-index-non-concurrent");
    }

    @Test
    void whatADoBlockRunsButCannotBeKnownIsAWarningNeverASilentPass() {
        assertThat(active("DO $$ BEGIN EXECUTE format('CREATE INDEX ON %I (c)', 'orders'); END $$;")).contains("unparsed-statement");
        assertThat(active("DO LANGUAGE plperl $$ 1; $$;")).contains("unparsed-statement");
        assertThat(active("DO $$ BEGIN RAISE NOTICE 'hello'; PERFORM 1; END $$;")).isEmpty();
    }

    @Test
    void aFunctionIsAnalyzedWhereItIsCalledNotWhereItIsCreated() {
        String create = "CREATE FUNCTION ix() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE INDEX ON orders (c); END $$;";
        assertThat(active(create)).doesNotContain("create-index-non-concurrent");
        assertThat(active(create + "\nSELECT ix();")).contains("create-index-non-concurrent");
    }

    @Test
    void aSuppressionCoversExactlyTheNextStatement() {
        List<String> found = active("-- zdm:ignore create-index-non-concurrent: reviewed\nCREATE INDEX a ON orders (c); CREATE INDEX b ON orders (id);");
        assertThat(found.stream().filter(id -> id.equals("create-index-non-concurrent"))).as("only the second index").hasSize(1);
    }

    @Test
    void eachActionSeesTheStateThePreviousOneLeft() {
        MigrationScript check = MigrationScript.of("V1_1__check.sql", "ALTER TABLE orders ADD CONSTRAINT c_nn CHECK (c IS NOT NULL);");
        Linter linter = Linter.withDefaults();
        List<String> safe = linter.lint(List.of(SCHEMA, check, MigrationScript.of("V2__x.sql", "ALTER TABLE orders ALTER COLUMN c SET NOT NULL;")),
                s -> s.path().startsWith("V2")).active().stream().map(Finding::ruleId).toList();
        assertThat(safe).doesNotContain("set-not-null-scan");
        List<String> unsafe = linter.lint(List.of(SCHEMA, check, MigrationScript.of("V2__x.sql",
                "ALTER TABLE orders DROP CONSTRAINT c_nn, ALTER COLUMN c SET NOT NULL;")), s -> s.path().startsWith("V2"))
                .active().stream().map(Finding::ruleId).toList();
        assertThat(unsafe).contains("set-not-null-scan");
    }

    @Test
    void malformedDdlIsAFindingOnItsFileNeverACrash() {
        for (String sql : List.of("CREATE TABLE;", "ALTER TABLE;", "CREATE INDEX ON;", "ALTER TABLE orders ADD COLUMN;",
                "ALTER TABLE orders RENAME CONSTRAINT;", "DROP TABLE;", "CREATE TABLE t (LIKE);", "ALTER TABLE orders ALTER COLUMN;",
                "CREATE UNIQUE INDEX CONCURRENTLY;", "DO;", "DO $$ BEGIN EXECUTE; END $$;", "SET search_path =;", "CREATE FUNCTION;",
                "REINDEX;", "VACUUM (;", "LOCK;", "ALTER TABLE orders ADD CONSTRAINT x CHECK (;")) {
            LintReport report = Linter.withDefaults().lint(List.of(SCHEMA, MigrationScript.of("V2__x.sql", sql)));
            assertThat(report.findings()).as(sql).allSatisfy(f -> assertThat(f.message()).doesNotContain("internal error"));
        }
        for (String sql : List.of("CREATE TABLE;", "ALTER TABLE;", "CREATE INDEX ON;", "DROP TABLE;", "DROP INDEX;", "LOCK;",
                "CREATE UNIQUE INDEX CONCURRENTLY;")) {
            LintReport report = Linter.withDefaults().lint(List.of(SCHEMA, MigrationScript.of("V2__x.sql", sql)), s -> s.path().startsWith("V2"));
            assertThat(report.findings()).as("a statement naming no table is reported: " + sql)
                    .anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("unparsed-statement"));
        }
    }

    @Test
    void aFifoNamedSqlIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("V1__pipe.sql");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0 || !Files.exists(fifo)) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo not available");
        }
        assertThatThrownBy(() -> MigrationFiles.load(List.of(dir), dir)).isInstanceOf(LintException.class)
                .hasMessageContaining("V1__pipe.sql").hasMessageContaining("not a regular file");
    }
}
