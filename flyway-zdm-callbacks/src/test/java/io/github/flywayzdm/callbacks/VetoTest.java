package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.MigrationRecord;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class VetoTest {

    private static final String INDEX = "CREATE INDEX orders_customer_idx ON orders (customer_id);\n";

    private static MigrationDir withOrders(TestDatabase db, long rows, ZdmCallback callback) throws Exception {
        MigrationDir m = new MigrationDir(db)
                .write("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n");
        m.flyway(callback).migrate();
        db.execute("INSERT INTO orders SELECT g, g % 100 FROM generate_series(1, " + rows + ") g", "ANALYZE orders");
        return m;
    }

    private static List<Finding> findings(ZdmCallback callback, String version) {
        MigrationRecord r = callback.lastReport().orElseThrow().migrations().stream()
                .filter(x -> x.version().equals(version)).findFirst().orElseThrow();
        return r.findings();
    }

    @Test
    void enforceRefusesWithoutHistoryRowAndTheFixedFileThenRuns(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = withOrders(db, 5000, callback);
        m.write("V2__index.sql", "-- customers look up their orders\n" + INDEX);

        assertThatThrownBy(() -> m.flyway(callback).migrate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("V2__index.sql:2")
                .hasMessageContaining("create-index-non-concurrent")
                .hasMessageContaining("CONCURRENTLY");
        assertThat(m.historyRows("2")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_customer_idx'")).isZero();

        m.write("V2__index.sql", "-- zdm:ignore create-index-non-concurrent: reviewed, runs in the maintenance window\n" + INDEX);
        m.flyway(callback).migrate();
        assertThat(m.historyRows("2")).isOne();
        assertThat(findings(callback, "2")).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("create-index-non-concurrent");
            assertThat(f.suppressed()).isTrue();
        });
    }

    @Test
    void warnModeRunsTheMigrationAndRecordsTheFinding(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().mode(ZdmSettings.Mode.WARN).build());
        MigrationDir m = withOrders(db, 5000, callback);
        m.write("V2__index.sql", INDEX);

        m.flyway(callback).migrate();

        assertThat(m.historyRows("2")).isOne();
        assertThat(findings(callback, "2")).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("create-index-non-concurrent");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void aSmallTablePassesWithANote(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = withOrders(db, 200, callback);
        m.write("V2__index.sql", INDEX);

        m.flyway(callback).migrate();

        assertThat(m.historyRows("2")).isOne();
        assertThat(findings(callback, "2")).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("create-index-non-concurrent");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void modeOffDoesNothing(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().mode(ZdmSettings.Mode.OFF).build());
        MigrationDir m = withOrders(db, 5000, callback);
        m.write("V2__index.sql", INDEX);

        m.flyway(callback).migrate();

        assertThat(m.historyRows("2")).isOne();
        assertThat(callback.lastReport()).isEmpty();
    }

    @Test
    void readsClasspathMigrationsWithPlaceholdersSubstituted(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        var config = org.flywaydb.core.Flyway.configure().dataSource(db.dataSource())
                .locations("classpath:db/zdm-classpath").placeholders(java.util.Map.of("table", "orders"))
                .callbacks(callback).target("1");
        config.load().migrate();
        db.execute("INSERT INTO orders SELECT g, g FROM generate_series(1, 5000) g", "ANALYZE orders");

        assertThatThrownBy(() -> config.target("latest").load().migrate())
                .hasMessageContaining("V2__index.sql:2").hasMessageContaining("create-index-non-concurrent")
                .hasMessageContaining("ON orders");
    }

    @Test
    void analyzesTheTablesAMigrationChanged(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().analyzeAfterMigration(true).build());
        MigrationDir m = withOrders(db, 200, callback);
        db.execute("INSERT INTO orders SELECT g, g FROM generate_series(201, 400) g");
        m.write("V2__index.sql", "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n");
        long before = db.queryLong("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'orders'");

        m.flyway(callback).migrate();

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (db.queryLong("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'orders'") == before
                && System.nanoTime() < deadline) {
            Thread.sleep(50); // statistics are reported asynchronously
        }
        assertThat(db.queryLong("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'orders'")).isGreaterThan(before);
    }

    @Test
    void aRefusedNonTransactionalMigrationLeavesNoFailedRow(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = withOrders(db, 5000, callback);
        m.write("V2__index.sql", INDEX).write("V2__index.sql.conf", "executeInTransaction=false\n");

        assertThatThrownBy(() -> m.flyway(callback).migrate()).hasMessageContaining("create-index-non-concurrent");
        assertThat(m.historyRows("2")).isZero();

        m.write("V2__index.sql", INDEX.replace("CREATE INDEX", "CREATE INDEX CONCURRENTLY"));
        m.flyway(callback).migrate();
        assertThat(db.queryLong("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success")).isOne();
    }
}
