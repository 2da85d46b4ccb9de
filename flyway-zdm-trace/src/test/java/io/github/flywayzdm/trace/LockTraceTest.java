package io.github.flywayzdm.trace;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.flywayzdm.trace.Scripts.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The cases on the run's server (-Dzdm.pg.version): what each statement really locked, rewrote and scanned. */
@WithPostgres
class LockTraceTest {

    private static LockTrace.Builder trace(TestDatabase db) {
        return LockTrace.builder().server(db.server().adminUrl(), db.server().user(), db.server().password()).seedRows(2_000);
    }

    private static StatementTrace at(TraceReport report, String file, int line) {
        return report.statement(file, line).orElseThrow(() -> new AssertionError("no trace of " + file + ":" + line + "\n" + report.render(
                io.github.flywayzdm.lint.report.ReportFormat.TEXT)));
    }

    @Test
    void aPlainIndexBuildHoldsShareLockAndTheConcurrentOneDoesNot(TestDatabase db) {
        // Autocommit statements are sampled every 2 ms: enough rows that the concurrent build outlasts a few samples
        // even when the CI machine's 2 cores are busy (with 2,000 rows it sometimes ended between two samples).
        TraceReport r = trace(db).seedRows(100_000).build().run(Scripts.of("V1__orders.sql", ORDERS,
                "V2__index.sql", "CREATE INDEX orders_status ON orders (status);",
                "V3__index_concurrently.sql", "CREATE INDEX CONCURRENTLY orders_note ON orders (note);"));
        assertThat(r.failure()).isNull();
        StatementTrace plain = at(r, "V2__index.sql", 1);
        assertThat(plain.strongestLockOn("orders")).isEqualTo("ShareLock");
        assertThat(plain.staticFindings()).extracting(f -> f.ruleId()).contains("create-index-non-concurrent");
        assertThat(r.findings(TraceRules.INDEX_BUILD)).extracting(TraceFinding::file).containsExactly("db/V2__index.sql");

        StatementTrace concurrent = at(r, "V3__index_concurrently.sql", 1);
        assertThat(concurrent.transactional()).isFalse();
        assertThat(concurrent.strongestLockOn("orders")).isEqualTo("ShareUpdateExclusiveLock");
        assertThat(r.findings()).noneMatch(f -> f.file().endsWith("V3__index_concurrently.sql") && f.severity() == Severity.ERROR);
        assertThat(r.notes()).contains("seeded public.orders with 100000 rows");
    }

    @Test
    void aVolatileDefaultRewritesUnderAccessExclusiveAndAConstantOneDoesNot(TestDatabase db) {
        TraceReport r = trace(db).build().run(Scripts.of("V1__orders.sql", ORDERS,
                "V2__volatile.sql", "ALTER TABLE orders ADD COLUMN r float8 DEFAULT random();",
                "V3__constant.sql", "ALTER TABLE orders ADD COLUMN source text DEFAULT 'web';"));
        StatementTrace volatileDefault = at(r, "V2__volatile.sql", 1);
        assertThat(volatileDefault.rewritten()).contains("public.orders");
        assertThat(volatileDefault.strongestLockOn("orders")).isEqualTo("AccessExclusiveLock");
        assertThat(r.findings(TraceRules.REWRITE)).extracting(TraceFinding::file).containsExactly("db/V2__volatile.sql");

        StatementTrace constant = at(r, "V3__constant.sql", 1);
        assertThat(constant.rewritten()).isEmpty();
        assertThat(constant.scanned()).isEmpty();
        assertThat(constant.strongestLockOn("orders")).isEqualTo("AccessExclusiveLock"); // brief: catalog only
    }

    @Test
    void aForeignKeyLocksBothTablesWithShareRowExclusiveAndScansTheReferencingOne(TestDatabase db) {
        TraceReport r = trace(db).build().run(Scripts.of("V1__orders.sql", ORDERS,
                "V2__fk.sql", "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);"));
        StatementTrace fk = at(r, "V2__fk.sql", 1);
        assertThat(fk.strongestLockOn("orders")).isEqualTo("ShareRowExclusiveLock");
        assertThat(fk.strongestLockOn("customers")).isEqualTo("ShareRowExclusiveLock");
        assertThat(fk.scanned()).contains("public.orders");
        assertThat(r.findings(TraceRules.SCAN)).singleElement().satisfies(f -> assertThat(f.message()).contains("public.orders (ShareRowExclusiveLock)"));
    }

    @Test
    void setNotNullScansUnlessAValidatedCheckProvesIt(TestDatabase db) {
        TraceReport r = trace(db).build().run(Scripts.of("V1__orders.sql", ORDERS,
                "V2__status_not_null.sql", "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;",
                "V3__note_check.sql", "ALTER TABLE orders ADD CONSTRAINT note_nn CHECK (note IS NOT NULL) NOT VALID;",
                "V4__note_validate.sql", "ALTER TABLE orders VALIDATE CONSTRAINT note_nn;",
                "V5__note_not_null.sql", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"));
        assertThat(r.failure()).isNull();
        StatementTrace scanning = at(r, "V2__status_not_null.sql", 1);
        assertThat(scanning.scanned()).containsExactly("public.orders");
        assertThat(scanning.strongestLockOn("orders")).isEqualTo("AccessExclusiveLock");
        assertThat(r.findings(TraceRules.SCAN)).extracting(TraceFinding::file).containsExactly("db/V2__status_not_null.sql");

        StatementTrace validate = at(r, "V4__note_validate.sql", 1);
        assertThat(validate.scanned()).containsExactly("public.orders");
        assertThat(validate.strongestLockOn("orders")).isEqualTo("ShareUpdateExclusiveLock");

        StatementTrace proven = at(r, "V5__note_not_null.sql", 1);
        assertThat(proven.scanned()).isEmpty();
        assertThat(proven.strongestLockOn("orders")).isEqualTo("AccessExclusiveLock");
    }

    @Test
    void locksKeptForTheRestOfTheTransactionAndOnTablesTheStatementDoesNotName(TestDatabase db) {
        TraceReport r = trace(db).longHold(Duration.ofMillis(300)).build().run(Scripts.of("V1__orders.sql", ORDERS
                        + "\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);",
                "V2__two_steps.sql", "ALTER TABLE orders ADD COLUMN flag boolean;\nSELECT pg_sleep(0.6);",
                "V3__drop.sql", "DROP TABLE orders;"));
        assertThat(r.findings(TraceRules.HELD)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("AccessExclusiveLock on public.orders");
        });
        assertThat(at(r, "V2__two_steps.sql", 1).locks()).anySatisfy(l -> assertThat(l.heldMillis()).isGreaterThanOrEqualTo(600));
        assertThat(r.findings(TraceRules.UNNAMED)).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("db/V3__drop.sql");
            assertThat(f.message()).contains("public.customers (AccessExclusiveLock)");
        });
    }

    @Test
    void whereTheStaticRulesAndTheServerDisagree(TestDatabase db) {
        TraceReport r = trace(db).lintConfig(LintConfig.builder().disable("add-column-volatile-default").build()).build()
                .run(Scripts.of("V1__orders.sql", ORDERS, "V2__volatile.sql", "ALTER TABLE orders ADD COLUMN r float8 DEFAULT random();"));
        assertThat(r.findings(TraceRules.STATIC_MISSED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(TraceRules.REWRITE));
    }

    @Test
    void aFailingStatementStopsTheTraceLikeFlywayWould(TestDatabase db) {
        TraceReport r = trace(db).build().run(Scripts.of("V1__orders.sql", ORDERS,
                "V2__typo.sql", "ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE ordres ADD COLUMN b int;",
                "V3__never.sql", "ALTER TABLE orders ADD COLUMN c int;"));
        assertThat(r.failure()).startsWith("db/V2__typo.sql:2: 42P01: ");
        assertThat(r.failed()).isTrue();
        assertThat(r.statement("V3__never.sql", 1)).isEmpty();
        assertThat(r.statements()).last().satisfies(s -> assertThat(s.failed()).isTrue());
    }
}
