package io.github.flywayzdm.trace;

import io.github.flywayzdm.lint.MigrationScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.flywayzdm.trace.Scripts.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The same migrations traced on embedded PostgreSQL 13 and 18, whatever the run's selected version. */
class VersionDifferenceTest {

    private static final List<MigrationScript> MIGRATIONS = Scripts.of("V1__orders.sql", ORDERS,
            "V2__index.sql", "CREATE INDEX orders_status ON orders (status);",
            "V3__volatile.sql", "ALTER TABLE orders ADD COLUMN r float8 DEFAULT random();",
            "V4__constant.sql", "ALTER TABLE orders ADD COLUMN source text DEFAULT 'web';",
            "V5__fk.sql", "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);",
            "V6__check.sql", "ALTER TABLE orders ADD CONSTRAINT note_nn CHECK (note IS NOT NULL) NOT VALID;",
            "V7__validate.sql", "ALTER TABLE orders VALIDATE CONSTRAINT note_nn;",
            "V8__not_null.sql", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;",
            // NOT NULL ... NOT VALID is new in PostgreSQL 18
            "V9__not_valid_not_null.sql", "ALTER TABLE orders ADD CONSTRAINT customer_nn NOT NULL customer_id NOT VALID;");

    private static TraceReport pg13;
    private static TraceReport pg18;

    @BeforeAll
    static void traceOnBoth() {
        pg13 = LockTrace.builder().pgMajor(13).seedRows(1_000).build().run(MIGRATIONS);
        pg18 = LockTrace.builder().pgMajor(18).seedRows(1_000).build().run(MIGRATIONS);
    }

    @Test
    void theIssuesCasesHoldOnBothMajors() {
        for (TraceReport r : List.of(pg13, pg18)) {
            assertThat(r.statement("V2__index.sql", 1).orElseThrow().strongestLockOn("orders")).isEqualTo("ShareLock");
            StatementTrace volatileDefault = r.statement("V3__volatile.sql", 1).orElseThrow();
            assertThat(volatileDefault.rewritten()).contains("public.orders");
            assertThat(volatileDefault.strongestLockOn("orders")).isEqualTo("AccessExclusiveLock");
            assertThat(r.statement("V4__constant.sql", 1).orElseThrow().rewritten()).isEmpty();
            StatementTrace fk = r.statement("V5__fk.sql", 1).orElseThrow();
            assertThat(fk.strongestLockOn("orders")).isEqualTo("ShareRowExclusiveLock");
            assertThat(fk.strongestLockOn("customers")).isEqualTo("ShareRowExclusiveLock");
            assertThat(r.statement("V8__not_null.sql", 1).orElseThrow().scanned()).as("proven by the validated CHECK").isEmpty();
            assertThat(r.statement("V8__not_null.sql", 2).orElseThrow().scanned()).as("no CHECK for status").containsExactly("public.orders");
        }
    }

    @Test
    void theDifferenceBetweenThemIsReported() {
        assertThat(pg13.serverVersion()).startsWith("13.");
        assertThat(pg18.serverVersion()).startsWith("18.");
        assertThat(pg13.failure()).startsWith("db/V9__not_valid_not_null.sql:1: 42601");
        assertThat(pg18.failure()).isNull();
        StatementTrace onEighteen = pg18.statement("V9__not_valid_not_null.sql", 1).orElseThrow();
        assertThat(onEighteen.scanned()).as("NOT VALID: no scan").isEmpty();

        List<TraceDiff.Difference> differences = TraceDiff.between(pg13, pg18);
        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("db/V9__not_valid_not_null.sql");
            assertThat(d.left()).startsWith("13.").contains("failed (42601");
            assertThat(d.right()).startsWith("18.").contains("ok").contains("AccessExclusiveLock");
        });
    }
}
