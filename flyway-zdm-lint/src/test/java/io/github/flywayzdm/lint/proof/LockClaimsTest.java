package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.MigrationScript;
import io.github.flywayzdm.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.flywayzdm.lint.proof.Observation.INDEX_BUILT;
import static io.github.flywayzdm.lint.proof.Observation.PARENT_WRITES_BLOCKED;
import static io.github.flywayzdm.lint.proof.Observation.READS_BLOCKED;
import static io.github.flywayzdm.lint.proof.Observation.REFUSED_IN_TRANSACTION;
import static io.github.flywayzdm.lint.proof.Observation.REWRITTEN;
import static io.github.flywayzdm.lint.proof.Observation.SCANNED;
import static io.github.flywayzdm.lint.proof.Observation.WRITES_BLOCKED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim behind each lock/rewrite rule, proven on a real PostgreSQL: the unsafe form really blocks, rewrites or
 * scans as the rule says, its safe rewrite really does not, and the linter flags the first and not the second.
 */
class LockClaimsTest {

    /** rule, setup before the migration, unsafe statement and what it does, safe statement and what it does */
    static Stream<Arguments> claims() {
        return Stream.of(
                claim("create-index-non-concurrent", "", "CREATE INDEX t_c_idx ON t (c)", set(WRITES_BLOCKED, SCANNED, INDEX_BUILT),
                        "CREATE INDEX CONCURRENTLY t_c_idx ON t (c)", set(REFUSED_IN_TRANSACTION, INDEX_BUILT)),
                claim("add-column-volatile-default", "", "ALTER TABLE t ADD COLUMN u double precision DEFAULT random()",
                        set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ADD COLUMN u timestamptz DEFAULT now()", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("add-column-serial-identity", "", "ALTER TABLE t ADD COLUMN s bigserial", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ADD COLUMN s bigint", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("add-column-generated-stored", "", "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (n * 2) STORED",
                        set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED), "ALTER TABLE t ADD COLUMN g int", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("set-not-null-scan", "", "ALTER TABLE t ALTER COLUMN c SET NOT NULL", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t ALTER COLUMN c SET NOT NULL",
                        set(READS_BLOCKED, WRITES_BLOCKED), "ALTER TABLE t ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL)"),
                claim("add-check-without-not-valid", "", "ALTER TABLE t ADD CONSTRAINT t_n_pos CHECK (n > 0)",
                        set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t ADD CONSTRAINT t_n_pos CHECK (n > 0) NOT VALID", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("add-foreign-key-without-not-valid", "", "ALTER TABLE t ADD CONSTRAINT t_pid_fk FOREIGN KEY (pid) REFERENCES p (id)",
                        set(WRITES_BLOCKED, PARENT_WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t ADD CONSTRAINT t_pid_fk FOREIGN KEY (pid) REFERENCES p (id) NOT VALID",
                        set(WRITES_BLOCKED, PARENT_WRITES_BLOCKED)),
                claim("add-unique-constraint-direct", "", "ALTER TABLE t ADD CONSTRAINT t_n_key UNIQUE (n)",
                        set(READS_BLOCKED, WRITES_BLOCKED, SCANNED, INDEX_BUILT),
                        "ALTER TABLE t ADD CONSTRAINT t_n_key UNIQUE USING INDEX t_n_idx", set(READS_BLOCKED, WRITES_BLOCKED),
                        "CREATE UNIQUE INDEX t_n_idx ON t (n)"),
                claim("alter-column-type-rewrite", "", "ALTER TABLE t ALTER COLUMN n TYPE bigint", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar(100)", set(READS_BLOCKED, WRITES_BLOCKED),
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar(50)"),
                claim("alter-column-type-rewrite", "", "ALTER TABLE t ALTER COLUMN c TYPE varchar(100)",
                        set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("drop-index-non-concurrent", "CREATE INDEX t_c_idx ON t (c)", "DROP INDEX t_c_idx", set(READS_BLOCKED, WRITES_BLOCKED),
                        "DROP INDEX CONCURRENTLY t_c_idx", set(REFUSED_IN_TRANSACTION)),
                claim("lock-table", "", "LOCK TABLE t", set(READS_BLOCKED, WRITES_BLOCKED),
                        "LOCK TABLE t IN ACCESS SHARE MODE", set()),
                claim("set-logged-unlogged", "", "ALTER TABLE t SET UNLOGGED", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t SET (fillfactor = 90)", set()),
                claim("add-column-inline-constraint", "", "ALTER TABLE t ADD COLUMN code int UNIQUE",
                        set(READS_BLOCKED, WRITES_BLOCKED, SCANNED, INDEX_BUILT),
                        "ALTER TABLE t ADD COLUMN code int", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("add-primary-key-direct", "ALTER TABLE t DROP CONSTRAINT t_pkey",
                        "ALTER TABLE t ADD PRIMARY KEY (id)", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED, INDEX_BUILT),
                        "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx", set(READS_BLOCKED, WRITES_BLOCKED),
                        "CREATE UNIQUE INDEX t_id_idx ON t (id)"),
                claim("add-exclusion-constraint", "", "ALTER TABLE t ADD CONSTRAINT t_n_excl EXCLUDE USING btree (n WITH =)",
                        set(READS_BLOCKED, WRITES_BLOCKED, SCANNED, INDEX_BUILT),
                        "ALTER TABLE t ADD CONSTRAINT t_n_pos CHECK (n > 0) NOT VALID", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("primary-key-using-index-nullable", "ALTER TABLE t DROP CONSTRAINT t_pkey; CREATE UNIQUE INDEX t_n_idx ON t (n)",
                        "ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_n_idx", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_n_idx", set(READS_BLOCKED, WRITES_BLOCKED),
                        "ALTER TABLE t ADD CONSTRAINT t_n_nn CHECK (n IS NOT NULL)"),
                claim("vacuum-full", "", "VACUUM FULL t", set(REFUSED_IN_TRANSACTION, REWRITTEN),
                        "ANALYZE t", set()),
                claim("cluster", "", "CLUSTER t USING t_pkey", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ANALYZE t", set()),
                claim("validate-in-same-transaction", "",
                        "ALTER TABLE t ADD CONSTRAINT t_n_pos CHECK (n > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT t_n_pos",
                        set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t VALIDATE CONSTRAINT t_n_pos", set(SCANNED), "ALTER TABLE t ADD CONSTRAINT t_n_pos CHECK (n > 0) NOT VALID"),
                claim("statements-after-access-exclusive", "", "ALTER TABLE t ADD COLUMN flag boolean; UPDATE t SET n = n + 1 WHERE id <= 10",
                        set(READS_BLOCKED, WRITES_BLOCKED),
                        "UPDATE t SET n = n + 1 WHERE id <= 10", set()),
                claim("attach-partition-without-check", "CREATE TABLE pp (id bigint NOT NULL, c text, n int, pid bigint) PARTITION BY RANGE (id)",
                        "ALTER TABLE pp ATTACH PARTITION t FOR VALUES FROM (0) TO (200000)", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE pp ATTACH PARTITION t FOR VALUES FROM (0) TO (200000)", set(READS_BLOCKED, WRITES_BLOCKED),
                        "ALTER TABLE t ADD CONSTRAINT t_bound CHECK (id IS NOT NULL AND id >= 0 AND id < 200000)"),
                claim("refresh-matview-non-concurrent",
                        "ALTER TABLE t RENAME TO src; CREATE MATERIALIZED VIEW t AS SELECT * FROM src; CREATE UNIQUE INDEX t_mv_id ON t (id)",
                        "REFRESH MATERIALIZED VIEW t", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "REFRESH MATERIALIZED VIEW CONCURRENTLY t", set(WRITES_BLOCKED, SCANNED)),
                claim("domain-check-constraint", "CREATE DOMAIN posint AS int; ALTER TABLE t ADD COLUMN d posint; UPDATE t SET d = 1",
                        "ALTER DOMAIN posint ADD CONSTRAINT posint_check CHECK (VALUE > 0)", set(WRITES_BLOCKED, SCANNED),
                        "ALTER DOMAIN posint ADD CONSTRAINT posint_check CHECK (VALUE > 0) NOT VALID", set()),
                // REINDEX locks the indexes ACCESS EXCLUSIVE: even a seq-scan SELECT waits, because planning opens every index
                claim("reindex-non-concurrent", "", "REINDEX TABLE t", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "REINDEX TABLE CONCURRENTLY t", set(REFUSED_IN_TRANSACTION)),
                // ---- issue 18: false alarms removed and rules added
                // a new, empty relfilenode (the seq_scan counter of the transaction moves as well)
                claim("truncate-table", "", "TRUNCATE t", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "DELETE FROM t WHERE id = 1", set()),
                // a binary-coercible change re-validates the column's CHECK with a full scan, without rewriting
                claim("alter-column-type-scan", "ALTER TABLE t ALTER COLUMN c TYPE varchar(50); ALTER TABLE t ADD CONSTRAINT t_c_len CHECK (length(c) < 50)",
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar(100)", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar(100)", set(READS_BLOCKED, WRITES_BLOCKED),
                        "ALTER TABLE t DROP CONSTRAINT t_c_len"),
                // USING the column cast to the new type is judged as no USING: varchar -> text stays catalog-only
                claim("alter-column-type-rewrite", "ALTER TABLE t ALTER COLUMN c TYPE varchar(50)",
                        "ALTER TABLE t ALTER COLUMN c TYPE text USING lower(c)", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ALTER COLUMN c TYPE text USING c::text", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("alter-column-type-rewrite", "ALTER TABLE t ALTER COLUMN c TYPE varchar(50)",
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar(100) USING c::varchar", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ALTER COLUMN c TYPE varchar(100) USING CAST(c AS varchar(100))", set(READS_BLOCKED, WRITES_BLOCKED)),
                // SET LOGGED on a table that is logged already changes nothing
                claim("set-logged-unlogged", "", "ALTER TABLE t SET UNLOGGED", set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t SET LOGGED", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("validate-with-other-action", "ALTER TABLE t ADD CONSTRAINT t_n_pos CHECK (n > 0) NOT VALID",
                        "ALTER TABLE t VALIDATE CONSTRAINT t_n_pos, ADD COLUMN d int", set(READS_BLOCKED, WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t VALIDATE CONSTRAINT t_n_pos", set(SCANNED)),
                // a function the history created without a volatility clause is VOLATILE: its default rewrites
                claim("add-column-volatile-default", USER_FUNCTIONS, "ALTER TABLE t ADD COLUMN k int DEFAULT f_code()",
                        set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ADD COLUMN k int DEFAULT f_fixed()", set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("add-column-volatile-default", "", "ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid()",
                        set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ADD COLUMN ids bigint[] DEFAULT cast(array[] as bigint[])", set(READS_BLOCKED, WRITES_BLOCKED)),
                // built-ins count by pg_proc: txid_current() and concat_ws() are STABLE (no rewrite), timeofday() VOLATILE
                claim("add-column-volatile-default", "", "ALTER TABLE t ADD COLUMN at text DEFAULT timeofday()",
                        set(READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, SCANNED),
                        "ALTER TABLE t ADD COLUMN x bigint DEFAULT txid_current(), ADD COLUMN l text DEFAULT concat_ws('-', 'a', 'b')",
                        set(READS_BLOCKED, WRITES_BLOCKED)),
                claim("domain-set-not-null", DOMAIN, "ALTER DOMAIN dd SET NOT NULL", set(WRITES_BLOCKED, SCANNED),
                        "ALTER DOMAIN dd ADD CONSTRAINT dd_nn CHECK (VALUE IS NOT NULL) NOT VALID", set()),
                claim("domain-validate-constraint", DOMAIN + "; ALTER DOMAIN dd ADD CONSTRAINT dd_pos CHECK (VALUE > 0) NOT VALID",
                        "ALTER DOMAIN dd VALIDATE CONSTRAINT dd_pos", set(WRITES_BLOCKED, SCANNED),
                        "ALTER TABLE t VALIDATE CONSTRAINT t_d_pos", set(SCANNED), "ALTER TABLE t ADD CONSTRAINT t_d_pos CHECK (d > 0) NOT VALID"));
    }

    static final String USER_FUNCTIONS = "CREATE FUNCTION f_code() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$; "
            + "CREATE FUNCTION f_fixed() RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN 1; END $$";

    static final String DOMAIN = "CREATE DOMAIN dd AS int; ALTER TABLE t ADD COLUMN d dd; UPDATE t SET d = 1";


    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void unsafeFormDoesWhatTheRuleSaysAndTheSafeFormDoesNot(String rule, String setup, String unsafe, Set<Observation> unsafeDoes,
                                                             String safe, Set<Observation> safeDoes, String safeSetup) throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            assertThat(Observer.observe(db, setup, unsafe)).as("what `%s` did", unsafe).isEqualTo(unsafeDoes);
        }
        try (TestDatabase db = TestDatabase.create()) {
            assertThat(Observer.observe(db, join(setup, safeSetup), safe)).as("what `%s` did", safe).isEqualTo(safeDoes);
        }
        assertThat(findings(setup, unsafe)).as("linter on the unsafe form").contains(rule);
        assertThat(findings(join(setup, safeSetup), safe)).as("linter on the safe form").doesNotContain(rule);
    }

    /** Rules the linter reports for {@code sql} as a migration after the schema (and setup as an earlier one). */
    private static List<String> findings(String setup, String sql) {
        List<MigrationScript> scripts = List.of(MigrationScript.of("V1__schema.sql", Observer.SCHEMA),
                MigrationScript.of("V2__setup.sql", setup), MigrationScript.of("V3__change.sql", sql + ";"));
        return Linter.of(LintConfig.builder().lockTimeoutByRunner(true).build())
                .lint(scripts, s -> s.path().startsWith("V3")).active().stream().map(f -> f.ruleId()).toList();
    }

    private static Arguments claim(String rule, String setup, String unsafe, Set<Observation> unsafeDoes, String safe,
                                   Set<Observation> safeDoes) {
        return claim(rule, setup, unsafe, unsafeDoes, safe, safeDoes, "");
    }

    private static Arguments claim(String rule, String setup, String unsafe, Set<Observation> unsafeDoes, String safe,
                                   Set<Observation> safeDoes, String safeSetup) {
        return Arguments.of(rule, setup, unsafe, unsafeDoes, safe, safeDoes, safeSetup);
    }

    private static Set<Observation> set(Observation... observations) {
        Set<Observation> s = EnumSet.noneOf(Observation.class);
        s.addAll(List.of(observations));
        return s;
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + ";\n" + b;
    }
}
