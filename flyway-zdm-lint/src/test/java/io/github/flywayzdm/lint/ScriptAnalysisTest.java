package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptAnalysisTest {

    private static ScriptAnalysis analyze(String sql) {
        return Linter.withDefaults().analyze(MigrationScript.of("V1__x.sql", sql));
    }

    @Test
    void statementsCarryPositionsOperationsAndRelationsResolvedThroughSearchPath() {
        ScriptAnalysis a = analyze("""
                SET search_path = archive, public;
                CREATE INDEX CONCURRENTLY i ON orders (c);
                CREATE TEMP TABLE scratch (id int);
                DO $$ BEGIN ALTER TABLE public.orders ALTER COLUMN c TYPE bigint; END $$;""");
        assertThat(a.statements()).hasSize(4);
        ScriptAnalysis.Statement index = a.statements().get(1);
        assertThat(index.line()).isEqualTo(2);
        assertThat(index.operations()).containsExactly("CreateIndex");
        assertThat(index.relations()).containsExactly("archive.orders");
        assertThat(index.concurrently()).isTrue();
        assertThat(index.flywayDetectsNonTransactional()).isTrue();
        assertThat(a.runsInTransaction()).isFalse();
        assertThat(a.statements().get(2).relations()).containsExactly("pg_temp.scratch");
        assertThat(a.statements().get(3).operations()).contains("AlterColumnType");
        assertThat(a.statements().get(0).changesSettings()).containsExactly("search_path");
        assertThat(a.changesSessionSettings()).isTrue();
        assertThat(a.concurrently()).containsExactly(index);
    }

    @Test
    void directivesUseTheOneDurationGrammar() {
        ScriptAnalysis a = analyze("-- zdm:lock_timeout=1.5s\n/* zdm:statement_timeout=2min */\nSELECT 1;");
        assertThat(a.lockTimeout()).contains(Duration.ofMillis(1500));
        assertThat(a.statementTimeout()).contains(Duration.ofMinutes(2));
        assertThat(analyze("-- zdm:lock_timeout=0\nSELECT 1;").lockTimeout()).contains(Duration.ZERO);
        assertThatThrownBy(() -> analyze("SELECT 1;\n-- zdm:lock_timeout=1.5 seconds\n"))
                .isInstanceOf(LintException.class).hasMessageContaining("V1__x.sql:2").hasMessageContaining("not a duration");
    }

    @Test
    void placeholdersAreSubstitutedBeforeSplittingAndTheSidecarDecides() {
        Linter linter = Linter.of(LintConfig.builder().placeholders(Map.of("v", "x'; CREATE INDEX i ON t (c); SELECT '")).build());
        ScriptAnalysis a = linter.analyze(new MigrationScript("V2__y.sql", "SELECT '${v}';", true));
        assertThat(a.statements()).extracting(ScriptAnalysis.Statement::sql).containsExactly("SELECT 'x'", "CREATE INDEX i ON t (c)", "SELECT ''");
        assertThat(a.executeInTransaction()).isEqualTo(Optional.of(true));
        assertThat(a.runsInTransaction()).isTrue();
    }

    @Test
    void theGuardsFactsComeFromTheSameReading() {
        ScriptAnalysis a = analyze("""
                -- REINDEX INDEX CONCURRENTLY not_me;
                SELECT 'concurrently', $$concurrently$$;
                ALTER TABLE ONLY app.orders ADD COLUMN a int;
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_a ON items (a);
                UPDATE "Order" SET a = 1;
                REINDEX INDEX CONCURRENTLY app.orders_pkey;
                CREATE TABLE fresh (id int);""");
        assertThat(a.usesConcurrently()).isTrue();
        assertThat(a.usesUndetectedConcurrently()).isTrue();
        assertThat(a.changedRelations()).containsExactly("app.orders", "items", "\"Order\"");
        assertThat(a.builtIndexes()).containsExactly("items_a", "app.orders_pkey");
        ScriptAnalysis detach = analyze("CREATE INDEX CONCURRENTLY i ON t (a);\nALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;");
        assertThat(detach.statements().get(0).refusedInTransaction()).isTrue();
        assertThat(detach.usesUndetectedConcurrently()).isTrue(); // the DETACH: Flyway's parser misses it
        assertThat(analyze("CREATE INDEX CONCURRENTLY i ON t (a);").usesUndetectedConcurrently()).isFalse();
        assertThat(analyze("-- CONCURRENTLY\n/* concurrently */ SELECT 'concurrently', $$concurrently$$;").usesConcurrently()).isFalse();
    }

    @Test
    void aDirectiveBeyondPostgresqlsRangeIsRefusedInWords() {
        assertThatThrownBy(() -> analyze("-- zdm:statement_timeout=99999999999999999999s\nSELECT 1;"))
                .isInstanceOf(LintException.class).hasMessageContaining("V1__x.sql:1").hasMessageContaining("too long");
        assertThat(analyze("-- zdm:lock_timeout=24d\nSELECT 1;").lockTimeout()).contains(Duration.ofDays(24));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "CREATE TABLE a (id bigint PRIMARY KEY, name text NOT NULL, at timestamptz DEFAULT now(), CHECK (id > 0));",
            "ALTER TABLE a ADD COLUMN note text;",
            "ALTER TABLE a ADD COLUMN n integer NOT NULL;",
            "COMMENT ON TABLE a IS 'x';",
            "GRANT SELECT ON a TO reader;",
            "DROP TABLE a;",
            "ALTER TABLE a RENAME COLUMN x TO y;",
            "ALTER TABLE a ALTER COLUMN c SET DEFAULT f();",
            "ALTER TABLE a DROP CONSTRAINT c;"})
    void statementsThatRunOnlyPostgresOwnCode(String sql) {
        assertThat(analyze(sql).mayRunUserCode()).as(sql).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "SELECT loosen();",
            "INSERT INTO t VALUES (1);",
            "UPDATE t SET c = 1;",
            "ALTER TABLE a ADD COLUMN c integer DEFAULT f();",
            "ALTER TABLE a ADD COLUMN c integer DEFAULT 0;",
            "ALTER TABLE a ADD COLUMN c positive_int;",
            "ALTER TABLE a ADD COLUMN c integer CHECK (c > 0);",
            "CREATE TABLE a AS SELECT * FROM b;",
            "CREATE TABLE p1 PARTITION OF p DEFAULT;",
            "CREATE TABLE a (c my_type PRIMARY KEY);",
            "CREATE INDEX i ON a (lower(name));",
            "CREATE INDEX CONCURRENTLY i ON a (name);",
            "DO $$ BEGIN PERFORM 1; END $$;",
            "CALL p();",
            "SET lock_timeout = '1s';",
            "CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f();",
            "ALTER TABLE a ALTER COLUMN c TYPE bigint;",
            "ALTER TABLE a ADD CONSTRAINT c CHECK (f(x));",
            "VACUUM a;",
            "this is not sql;"})
    void statementsThatMayRunUserCode(String sql) {
        assertThat(analyze(sql).mayRunUserCode()).as(sql).isTrue();
    }

    @Test
    void onlyIfNotExistsBuildsMayKeepAnInvalidIndex() {
        assertThat(analyze("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON a (c);").mayKeepInvalidIndex()).isTrue();
        assertThat(analyze("CREATE UNIQUE INDEX IF NOT EXISTS i ON a (c);").mayKeepInvalidIndex()).isTrue();
        assertThat(analyze("CREATE INDEX CONCURRENTLY i ON a (c);").mayKeepInvalidIndex()).isFalse();
        assertThat(analyze("REINDEX INDEX CONCURRENTLY i;").mayKeepInvalidIndex()).isFalse();
    }
}
