package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.lint.internal.model.TypeName;
import io.github.flywayzdm.lint.internal.rules.TypeChanges;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 18's rules whose claim is a failure (of the migration, of running code, or later) or a row-lock scope rather
 * than a table lock, proven on a real server; each also checks the linter's verdict on the same SQL.
 */
@WithPostgres
class BreakageClaimsTest {

    /** drop-default-of-required-column: an INSERT that omits the column fails once the default is gone. */
    @Test
    void droppingTheDefaultOfARequiredColumnBreaksInsertsThatOmitIt(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA, "ALTER TABLE t ADD COLUMN r text NOT NULL DEFAULT 'eu'");
        db.execute("INSERT INTO t (id, c, n, pid) VALUES (100001, 'old release', 1, 1)");
        db.execute("ALTER TABLE t ALTER COLUMN r DROP DEFAULT");
        assertState(() -> db.execute("INSERT INTO t (id, c, n, pid) VALUES (100002, 'old release', 1, 1)"), "23502");
        assertThat(rules("ALTER TABLE t ADD COLUMN r text NOT NULL DEFAULT 'eu';\nALTER TABLE t ALTER COLUMN r DROP DEFAULT;"))
                .contains("drop-default-of-required-column");
        assertThat(rules("ALTER TABLE t ALTER COLUMN c DROP DEFAULT;")).doesNotContain("drop-default-of-required-column");
    }

    /** rename-enum-value: the old label no longer parses. */
    @Test
    void aRenamedEnumLabelRejectsTheOldOne(TestDatabase db) throws Exception {
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok')", "CREATE TABLE e (m mood)", "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'");
        assertState(() -> db.execute("INSERT INTO e VALUES ('sad')"), "22P02");
        db.execute("INSERT INTO e VALUES ('blue')");
        assertThat(rules("CREATE TYPE mood AS ENUM ('sad', 'ok');", "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';")).contains("rename-enum-value");
    }

    /** drop-view: queries of the running release fail; a view created in the same migration is fine to drop. */
    @Test
    void droppingAViewBreaksItsQueries(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA, "CREATE VIEW tv AS SELECT id, c FROM t", "DROP VIEW tv");
        assertState(() -> db.queryLong("SELECT count(*) FROM tv"), "42P01");
        assertThat(rules("CREATE VIEW tv AS SELECT id, c FROM t;", "DROP VIEW tv;")).contains("drop-view");
        assertThat(rules("CREATE VIEW tv AS SELECT id, c FROM t;\nDROP VIEW tv;")).doesNotContain("drop-view");
    }

    /** rename-schema: qualified names stop resolving. */
    @Test
    void renamingASchemaBreaksQualifiedNames(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA s", "CREATE TABLE s.x (id int)", "ALTER SCHEMA s RENAME TO s2");
        assertState(() -> db.queryLong("SELECT count(*) FROM s.x"), "42P01");
        assertThat(db.queryLong("SELECT count(*) FROM s2.x")).isZero();
        assertThat(rules("CREATE SCHEMA s;", "ALTER SCHEMA s RENAME TO s2;")).contains("rename-schema");
    }

    /** truncate-table: CASCADE empties a referencing table the statement does not name. */
    @Test
    void truncateCascadeEmptiesReferencingTables(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA, "CREATE TABLE child (id int, pid bigint REFERENCES p (id))", "INSERT INTO child VALUES (1, 1)");
        assertState(() -> db.execute("TRUNCATE p"), "0A000"); // without CASCADE it refuses
        db.execute("TRUNCATE p CASCADE");
        assertThat(db.queryLong("SELECT count(*) FROM child")).isZero();
        assertThat(rules("TRUNCATE p CASCADE;")).contains("truncate-table");
    }

    /** drop-schema-cascade: RESTRICT (the default) refuses a non-empty schema, CASCADE drops what is in it. */
    @Test
    void dropSchemaCascadeDropsItsTables(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA s", "CREATE TABLE s.x (id int)");
        assertState(() -> db.execute("DROP SCHEMA s"), "2BP01");
        db.execute("DROP SCHEMA s CASCADE");
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'x'")).isZero();
        assertThat(rules("CREATE SCHEMA s; CREATE TABLE s.x (id int);", "DROP SCHEMA s CASCADE;")).contains("drop-schema-cascade");
        assertThat(rules("CREATE SCHEMA s; CREATE TABLE s.x (id int);", "DROP SCHEMA s;")).doesNotContain("drop-schema-cascade");
    }

    /** drop-database: destroys a database (and cannot even run inside a migration's transaction). */
    @Test
    void dropDatabaseDestroysADatabase(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE zdm_doomed");
            c.setAutoCommit(false);
            assertState(() -> s.execute("DROP DATABASE zdm_doomed"), "25001");
            c.rollback();
            c.setAutoCommit(true);
            s.execute("DROP DATABASE zdm_doomed");
            assertThat(db.queryLong("SELECT count(*) FROM pg_database WHERE datname = 'zdm_doomed'")).isZero();
        }
        assertThat(rules("DROP DATABASE zdm_doomed;")).contains("drop-database");
    }

    /**
     * concurrent-index-not-rerunnable: a failed CREATE INDEX CONCURRENTLY leaves an INVALID index; the retry without
     * IF NOT EXISTS fails on it, and with IF NOT EXISTS silently keeps the INVALID one (hence: drop it first).
     */
    @Test
    void aFailedConcurrentBuildLeavesAnInvalidIndexThatBreaksTheRetry(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        assertState(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY t_pid_key ON t (pid)"), "23505");
        assertThat(db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_pid_key'::regclass")).isEqualTo(false);
        assertState(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY t_pid_key ON t (pid)"), "42P07");
        db.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_pid_key ON t (pid)");
        assertThat(db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_pid_key'::regclass")).isEqualTo(false);
        db.execute("DROP INDEX CONCURRENTLY IF EXISTS t_pid_key", "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_pid_key ON t (pid)");
        assertThat(db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_pid_key'::regclass")).isEqualTo(true);
        List<String> found = rules("CREATE UNIQUE INDEX CONCURRENTLY t_pid_key ON t (pid);");
        assertThat(found).contains("concurrent-index-not-rerunnable");
        assertThat(rules("CREATE INDEX CONCURRENTLY IF NOT EXISTS t_pid_key ON t (pid);")).doesNotContain("concurrent-index-not-rerunnable");
    }

    /** identifier-too-long: PostgreSQL keeps only the first 63 bytes. */
    @Test
    void longNamesAreTruncatedTo63Bytes(TestDatabase db) throws Exception {
        String name = "a".repeat(70);
        db.execute("CREATE TABLE " + name + " (id int)");
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = '" + "a".repeat(63) + "'")).isEqualTo(1);
        assertThat(rules("CREATE TABLE " + name + " (id int);")).contains("identifier-too-long");
        assertThat(rules("CREATE TABLE " + "a".repeat(63) + " (id int);")).doesNotContain("identifier-too-long");
    }

    /** prefer-bigint-column: an int foreign key to a bigint key fails once the parent's ids pass 2^31. */
    @Test
    void anIntReferenceToABigintKeyOverflows(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA, "CREATE TABLE child (id bigint PRIMARY KEY, pid int REFERENCES p (id))",
                "INSERT INTO p VALUES (3000000000)");
        assertState(() -> db.execute("INSERT INTO child VALUES (1, 3000000000)"), "22003");
        assertThat(rules("CREATE TABLE child (id bigint PRIMARY KEY, pid int REFERENCES p (id));")).contains("prefer-bigint-column");
        assertThat(rules("CREATE TABLE child (id bigint PRIMARY KEY, pid bigint REFERENCES p (id));")).doesNotContain("prefer-bigint-column");
    }

    /** prefer-identity: a serial takes explicit values that later collide; an ALWAYS identity refuses them. */
    @Test
    void serialAcceptsValuesThatCollideLaterIdentityRefusesThem(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE s (id serial PRIMARY KEY, v text)", "INSERT INTO s (id, v) VALUES (1, 'by hand')");
        assertState(() -> db.execute("INSERT INTO s (v) VALUES ('from the sequence')"), "23505");
        db.execute("CREATE TABLE i (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)");
        assertState(() -> db.execute("INSERT INTO i (id, v) VALUES (1, 'by hand')"), "428C9");
        assertThat(rules("CREATE TABLE s (id serial PRIMARY KEY, v text);")).contains("prefer-identity");
    }

    /** missing-statement-timeout: a statement_timeout is what stops a backfill that runs longer than planned. */
    @Test
    void statementTimeoutStopsALongBackfill(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '300ms'");
            assertState(() -> s.execute("UPDATE t SET n = n + 1 WHERE pg_sleep(0.01) IS NOT NULL"), "57014");
        }
        LintConfig config = LintConfig.builder().lockTimeoutByRunner(true).build();
        assertThat(rules(config, "UPDATE t SET n = n + 1;")).contains("missing-statement-timeout");
        assertThat(rules(config, "SET statement_timeout = '5min';\nUPDATE t SET n = n + 1;")).doesNotContain("missing-statement-timeout");
    }

    /** unbatched-data-change: an UPDATE by primary key locks one row; other rows stay writable. */
    @Test
    void anUpdateByPrimaryKeyLocksOnlyThatRow(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        try (Connection migration = db.connect(); Connection app = db.connect(); Statement m = migration.createStatement();
             Statement a = app.createStatement()) {
            migration.setAutoCommit(false);
            m.execute("UPDATE t SET n = 0 WHERE id = 42");
            m.execute("UPDATE t SET n = 0 WHERE id IN (SELECT id FROM t WHERE id > 1000 ORDER BY id LIMIT 10)");
            a.execute("SET lock_timeout = '200ms'");
            a.execute("UPDATE t SET c = 'app' WHERE id = 1999"); // not among the rows the migration touched
            assertState(() -> a.execute("UPDATE t SET c = 'app' WHERE id = 42"), "55P03");
            migration.rollback();
        }
        assertThat(rules("UPDATE t SET n = 0 WHERE id = 42;")).doesNotContain("unbatched-data-change");
        assertThat(rules("UPDATE t SET n = 0 WHERE id IN (SELECT id FROM t WHERE id > 1000 ORDER BY id LIMIT 10);"))
                .doesNotContain("unbatched-data-change");
        assertThat(rules("UPDATE t SET n = 0 WHERE n = 42;")).contains("unbatched-data-change");
    }

    /** add-column-required: a table emptied earlier in the migration takes a NOT NULL column without a default. */
    @Test
    void aRequiredColumnWorksOnATableTruncatedFirst(TestDatabase db) throws Exception {
        db.execute(Observer.SCHEMA);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DELETE FROM t");
            s.execute("ALTER TABLE t ADD COLUMN r text NOT NULL");
            c.rollback();
        }
        assertThat(rules("TRUNCATE t;\nALTER TABLE t ADD COLUMN r text NOT NULL;")).doesNotContain("add-column-required");
        assertThat(rules("DELETE FROM t;\nALTER TABLE t ADD COLUMN r text NOT NULL;")).doesNotContain("add-column-required");
    }

    /**
     * alter-column-type-rewrite: the casts the linter calls binary-coercible are castmethod 'b' in this server's
     * pg_cast (text, varchar and, when the extension is installed, citext), and such a change keeps the relfilenode.
     */
    @Test
    void theBinaryCoercionsTheLinterKnowsAreThoseOfPgCast(TestDatabase db) throws Exception {
        boolean citext = true;
        try {
            db.execute("CREATE EXTENSION IF NOT EXISTS citext");
        } catch (SQLException e) {
            citext = false; // an embedded build without contrib: the text/varchar pairs are still checked
        }
        List<String> pairs = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT format_type(castsource, NULL), format_type(casttarget, NULL) FROM pg_cast WHERE castmethod = 'b' "
                        + "AND format_type(castsource, NULL) IN ('text', 'character varying', 'citext') "
                        + "AND format_type(casttarget, NULL) IN ('text', 'character varying', 'citext')")) {
            while (rs.next()) {
                pairs.add(rs.getString(1) + "->" + rs.getString(2));
            }
        }
        Set<String> expected = citext ? Set.of("text->character varying", "character varying->text", "citext->text",
                "text->citext", "citext->character varying", "character varying->citext")
                : Set.of("text->character varying", "character varying->text");
        assertThat(pairs).containsExactlyInAnyOrderElementsOf(expected);
        for (String pair : pairs) {
            String[] p = pair.split("->");
            assertThat(TypeChanges.rewrites(TypeName.of(p[0]), TypeName.of(p[1]), db.serverMajor(), false)).as(pair).isFalse();
        }
        if (citext) {
            db.execute(Observer.SCHEMA);
            long before = db.queryLong("SELECT pg_relation_filenode('t')");
            db.execute("ALTER TABLE t ALTER COLUMN c TYPE citext", "ALTER TABLE t ALTER COLUMN c TYPE text");
            assertThat(db.queryLong("SELECT pg_relation_filenode('t')")).isEqualTo(before);
            assertThat(rules("ALTER TABLE t ALTER COLUMN c TYPE citext;")).doesNotContain("alter-column-type-rewrite", "alter-column-type-scan");
        }
    }

    /** reindex-non-concurrent: the parenthesized CONCURRENTLY false is a plain, blocking REINDEX (syntax from PG 14). */
    @Test
    void reindexConcurrentlyFalseIsAPlainReindex(TestDatabase db) throws Exception {
        assumeTrue(db.serverMajor() >= 14, "REINDEX (CONCURRENTLY ...) is PostgreSQL 14+ syntax");
        assertThat(Observer.observe(db, "", "REINDEX (CONCURRENTLY false) TABLE t"))
                .isEqualTo(Set.of(Observation.READS_BLOCKED, Observation.WRITES_BLOCKED, Observation.SCANNED));
        try (TestDatabase concurrent = TestDatabase.create()) {
            assertThat(Observer.observe(concurrent, "", "REINDEX (CONCURRENTLY) TABLE t")).isEqualTo(Set.of(Observation.REFUSED_IN_TRANSACTION));
        }
        assertThat(rules("REINDEX (CONCURRENTLY false) TABLE t;")).contains("reindex-non-concurrent");
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void assertState(Action action, String sqlState) {
        assertThatThrownBy(action::run).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
    }

    /** Rules for {@code sql} as the migration after {@link Observer#SCHEMA}. */
    private static List<String> rules(String sql) {
        return rules(LintConfig.builder().lockTimeoutByRunner(true).statementTimeoutByRunner(true).build(), sql);
    }

    private static List<String> rules(LintConfig config, String sql) {
        return Linter.of(config).lint(List.of(MigrationScript.of("V1__s.sql", Observer.SCHEMA), MigrationScript.of("V2__x.sql", sql)),
                s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
    }

    /** Rules for {@code sql} after a migration {@code history} (without the observer's schema). */
    private static List<String> rules(String history, String sql) {
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(true).statementTimeoutByRunner(true).build())
                .lint(List.of(MigrationScript.of("V1__h.sql", history), MigrationScript.of("V2__x.sql", sql)),
                        s -> s.path().startsWith("V2")).active().stream().map(f -> f.ruleId()).toList();
    }
}
