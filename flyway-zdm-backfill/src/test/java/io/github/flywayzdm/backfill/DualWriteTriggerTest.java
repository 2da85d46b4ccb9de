package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class DualWriteTriggerTest {

    private static final String TABLE = "ord\"ers; DROP TABLE x";

    private static DualWriteTrigger sync() {
        return DualWriteTrigger.on(TABLE).set("amount cents", "NEW.amount * 100").lockTimeout(Duration.ofMillis(100)).build();
    }

    /** A table and a column whose names would break, or inject into, unquoted SQL. */
    private static void hostileTable(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE \"ord\"\"ers; DROP TABLE x\" (id bigint PRIMARY KEY, amount int NOT NULL, \"amount cents\" bigint)");
    }

    @Test
    void keepsTheColumnInStepOnInsertAndUpdateUntilDropped(TestDatabase db) throws Exception {
        hostileTable(db);
        try (Connection c = db.connect()) {
            sync().install(c);
            sync().install(c); // idempotent: replaced, not doubled
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")).isEqualTo(1);
        db.execute("INSERT INTO \"ord\"\"ers; DROP TABLE x\" (id, amount) VALUES (1, 7)",
                "UPDATE \"ord\"\"ers; DROP TABLE x\" SET amount = 9, \"amount cents\" = 0 WHERE id = 1");
        assertThat(db.queryLong("SELECT \"amount cents\" FROM \"ord\"\"ers; DROP TABLE x\" WHERE id = 1")).isEqualTo(900);

        try (Connection c = db.connect()) {
            sync().drop(c);
            sync().drop(c); // already gone: no error
        }
        db.execute("UPDATE \"ord\"\"ers; DROP TABLE x\" SET amount = 10 WHERE id = 1");
        assertThat(db.queryLong("SELECT \"amount cents\" FROM \"ord\"\"ers; DROP TABLE x\" WHERE id = 1")).isEqualTo(900);
        assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_proc WHERE proname LIKE 'zdm_dual_write%'")).isZero();
    }

    @Test
    void aBusyTableMakesInstallGiveUpAfterItsAttemptsWithNothingChanged(TestDatabase db) throws Exception {
        hostileTable(db);
        db.execute("INSERT INTO \"ord\"\"ers; DROP TABLE x\" (id, amount) VALUES (1, 7)");
        try (Connection app = db.connect(); Statement s = app.createStatement(); Connection c = db.connect()) {
            app.setAutoCommit(false);
            s.execute("UPDATE \"ord\"\"ers; DROP TABLE x\" SET amount = 8 WHERE id = 1"); // ROW EXCLUSIVE held: writes in flight
            assertThatThrownBy(() -> sync().install(c)).isInstanceOf(BackfillException.class)
                    .hasMessageContaining("lock_timeout 100 ms in 5 attempts; nothing was changed");
            app.rollback();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_proc WHERE proname LIKE 'zdm_dual_write%'")).isZero();
    }

    @Test
    void rowsInsertedDuringABackfillAreCoveredByTheTrigger(TestDatabase db) throws Exception {
        hostileTable(db);
        db.execute("INSERT INTO \"ord\"\"ers; DROP TABLE x\" (id, amount) SELECT g, g FROM generate_series(1, 1000) g");
        try (Connection c = db.connect()) {
            sync().install(c);
            Backfill.of(TABLE).key("id").set("\"amount cents\" = amount * 100").where("\"amount cents\" IS NULL")
                    .options(BackfillTest.FAST).build().run(c);
        }
        db.execute("INSERT INTO \"ord\"\"ers; DROP TABLE x\" (id, amount) VALUES (1001, 5)"); // after the backfill's upper key
        assertThat(db.queryLong("SELECT count(*) FROM \"ord\"\"ers; DROP TABLE x\" WHERE \"amount cents\" IS DISTINCT FROM amount * 100")).isZero();
    }

    @Test
    void rejectsADefinitionWithoutColumns() {
        assertThatThrownBy(() -> DualWriteTrigger.on("orders").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least one set(column, expression)");
    }

    @Test
    void twoLongTableNamesWithACommonPrefixGetTwoFunctionsAndTriggers(TestDatabase db) throws Exception {
        // "zdm_dual_write_" + either name is longer than PostgreSQL's 63 bytes, and both cut to the same 63 bytes
        String first = "customer_order_line_items_archive_partitioned_by_month_first";
        String second = "customer_order_line_items_archive_partitioned_by_month_second";
        db.execute("CREATE TABLE " + first + " (id bigint PRIMARY KEY, amount int, first_cents bigint)",
                "CREATE TABLE " + second + " (id bigint PRIMARY KEY, amount int, second_cents bigint)");
        DualWriteTrigger a = DualWriteTrigger.on(first).set("first_cents", "NEW.amount * 100").build();
        DualWriteTrigger b = DualWriteTrigger.on(second).set("second_cents", "NEW.amount * 1000").build();
        try (Connection c = db.connect()) {
            a.install(c);
            b.install(c);
        }
        db.execute("INSERT INTO " + first + " (id, amount) VALUES (1, 7)", "INSERT INTO " + second + " (id, amount) VALUES (1, 7)");
        assertThat(db.queryLong("SELECT first_cents FROM " + first)).isEqualTo(700);
        assertThat(db.queryLong("SELECT second_cents FROM " + second)).isEqualTo(7000);
        assertThat(db.queryLong("SELECT count(*) FROM pg_proc WHERE proname LIKE 'zdm_dual_write_%'")).isEqualTo(2);
        assertThat(a.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(a.name()).isNotEqualTo(b.name()).startsWith("zdm_dual_write_customer_order");
        try (Connection c = db.connect()) {
            a.drop(c);
        }
        db.execute("INSERT INTO " + second + " (id, amount) VALUES (2, 1)"); // dropping one leaves the other working
        assertThat(db.queryLong("SELECT second_cents FROM " + second + " WHERE id = 2")).isEqualTo(1000);
        assertThat(db.queryLong("SELECT count(*) FROM pg_proc WHERE proname LIKE 'zdm_dual_write_%'")).isEqualTo(1);
    }

    @Test
    void aLongNonAsciiNameIsCutOnACharacterBoundaryAndAnExplicitOverlongNameIsRefused(TestDatabase db) throws Exception {
        String table = "bestellpositionen_für_übergröße_änderungen_äöü_ÄÖÜ_ß_long"; // > 48 bytes in UTF-8
        db.execute("CREATE TABLE \"" + table + "\" (id bigint PRIMARY KEY, amount int, cents bigint)");
        DualWriteTrigger sync = DualWriteTrigger.on(table).set("cents", "NEW.amount * 100").build();
        try (Connection c = db.connect()) {
            sync.install(c);
        }
        db.execute("INSERT INTO \"" + table + "\" (id, amount) VALUES (1, 2)");
        assertThat(db.queryLong("SELECT cents FROM \"" + table + "\"")).isEqualTo(200);
        assertThat(db.queryValue("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).isEqualTo(sync.name());
        assertThatThrownBy(() -> DualWriteTrigger.on(table).set("cents", "1").name("x".repeat(64)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("63 bytes");
    }
}
