package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@WithPostgres
class LockGuardTest {

    /** Records the session's timeouts as a later Java migration sees them. */
    public static class V4__Record_timeouts extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws Exception {
            try (Statement s = context.getConnection().createStatement()) {
                String lock;
                String statement;
                try (ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
                    rs.next();
                    lock = rs.getString(1);
                }
                try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                    rs.next();
                    statement = rs.getString(1);
                }
                s.execute("INSERT INTO seen VALUES ('" + version() + "', '" + lock + "', '" + statement + "')");
            }
        }

        protected String version() {
            return "V4";
        }
    }

    @Test
    void guardsApplyPerMigrationAndNothingLeaks(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db)
                .write("V1__seen.sql", "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n"
                        + "INSERT INTO seen VALUES ('V1', current_setting('lock_timeout'), current_setting('statement_timeout'));\n")
                .write("V2__directive.sql", "-- zdm:lock_timeout=10s\n-- zdm:statement_timeout=1min\n"
                        + "INSERT INTO seen VALUES ('V2', current_setting('lock_timeout'), current_setting('statement_timeout'));\n"
                        + "SET lock_timeout = '7s';\n")
                .write("V3__no_transaction.sql", "SET lock_timeout = '1min';\nSET statement_timeout = '2min';\n"
                        + "INSERT INTO seen VALUES ('V3', current_setting('lock_timeout'), current_setting('statement_timeout'));\n")
                .write("V3__no_transaction.sql.conf", "executeInTransaction=false\n");
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());

        m.flyway(callback, new V4__Record_timeouts()).migrate();

        assertThat(seen(db, "V1")).isEqualTo("300ms/0");
        assertThat(seen(db, "V2")).isEqualTo("10s/1min");
        assertThat(seen(db, "V3")).isEqualTo("1min/2min");
        // the plain SETs in V2 (transactional) and V3 (autocommit) did not leak into V4
        assertThat(seen(db, "V4")).isEqualTo("300ms/0");
    }

    @Test
    void aTimeoutSetByAFunctionFromAnEarlierMigrationDoesNotReachTheNextOne(TestDatabase db) throws Exception {
        // nothing in V2 or V3 says SET: the function from V1 changes the session's lock_timeout when V2 calls it,
        // and a trigger from V1 does the same when V3 writes to t
        MigrationDir m = new MigrationDir(db)
                .write("V1__helpers.sql", "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n"
                        + "CREATE TABLE t (id int);\n"
                        + "CREATE FUNCTION loosen() RETURNS text LANGUAGE sql AS $$ SELECT set_config('lock_timeout', '42s', false) $$;\n"
                        + "CREATE FUNCTION loosen_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "PERFORM set_config('statement_timeout', '43s', false); RETURN NEW; END $$;\n"
                        + "CREATE TRIGGER t_loosen BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION loosen_trigger();\n")
                .write("V2__call.sql", "SELECT loosen();\n")
                .write("V3__write.sql", "INSERT INTO seen VALUES ('V3', current_setting('lock_timeout'), current_setting('statement_timeout'));\n"
                        + "INSERT INTO t VALUES (1);\n")
                .write("V4__no_transaction.sql", "SELECT loosen();\n")
                .write("V4__no_transaction.sql.conf", "executeInTransaction=false\n")
                .write("V5__read.sql", "INSERT INTO seen VALUES ('V5', current_setting('lock_timeout'), current_setting('statement_timeout'));\n");
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().lockTimeout(java.time.Duration.ofMillis(1234))
                .statementTimeout(java.time.Duration.ofMinutes(2)).build());

        m.flyway(callback, new V6__Record_timeouts()).migrate();

        assertThat(seen(db, "V3")).isEqualTo("1234ms/2min");
        assertThat(seen(db, "V5")).isEqualTo("1234ms/2min");
        assertThat(seen(db, "V6")).isEqualTo("1234ms/2min");
    }

    private static final String SEEN = "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n";
    private static final String READ_V9 = "INSERT INTO seen VALUES ('V9', current_setting('lock_timeout'), current_setting('statement_timeout'));\n";

    /**
     * V1 sets up something that changes lock_timeout unseen, V2 and V3 are plain DDL the guard knows runs no user code,
     * V9 reads the timeouts: it must see the guard's, not the 42s.
     */
    private static void hiddenChangeBetweenPlainMigrations(TestDatabase db, String v1, String... extraFile) throws Exception {
        MigrationDir m = new MigrationDir(db).write("V1__setup.sql", SEEN + v1)
                .write("V2__plain.sql", "CREATE TABLE a (id bigint PRIMARY KEY, name text);\n")
                .write("V3__plain.sql", "ALTER TABLE a ADD COLUMN note text;\nCOMMENT ON TABLE a IS 'a';\n")
                .write("V9__read.sql", READ_V9);
        for (int i = 0; i < extraFile.length; i += 2) {
            m.write(extraFile[i], extraFile[i + 1]);
        }
        m.flyway(new ZdmCallback(MigrationDir.testSettings().lockTimeout(java.time.Duration.ofMillis(1234)).build())).migrate();
        assertThat(seen(db, "V9")).isEqualTo("1234ms/0");
    }

    @Test
    void anEventTriggerThatChangesTimeoutsAfterPlainDdlDoesNotReachTheNextMigration(TestDatabase db) throws Exception {
        hiddenChangeBetweenPlainMigrations(db, "CREATE FUNCTION loosen() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM set_config('lock_timeout', '42s', false); END $$;\n"
                + "CREATE EVENT TRIGGER loosen ON ddl_command_end EXECUTE FUNCTION loosen();\n");
    }

    @Test
    void aTriggerOnTheHistoryTableThatChangesTimeoutsDoesNotReachTheNextMigration(TestDatabase db) throws Exception {
        // Flyway inserts into its history table after each migration: a trigger there runs between two plain ones
        hiddenChangeBetweenPlainMigrations(db, "CREATE FUNCTION loosen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM set_config('lock_timeout', '42s', false); RETURN NEW; END $$;\n"
                + "CREATE TRIGGER loosen AFTER INSERT ON flyway_schema_history FOR EACH ROW EXECUTE FUNCTION loosen();\n");
    }

    @Test
    void aSqlCallbackThatChangesTimeoutsBetweenPlainMigrationsDoesNotReachTheNextOne(TestDatabase db) throws Exception {
        hiddenChangeBetweenPlainMigrations(db, "", "afterEachMigrate.sql", "SELECT set_config('lock_timeout', '42s', false);\n");
    }

    @Test
    void aChainOfPlainMigrationsKeepsTheGuardsTimeoutsAndEachDirective(TestDatabase db) throws Exception {
        // plain DDL runs only PostgreSQL's own code, so the guard may skip re-sending unchanged values; a directive
        // still changes them for its migration only
        MigrationDir m = new MigrationDir(db)
                .write("V1__seen.sql", "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n")
                .write("V2__plain.sql", "CREATE TABLE a (id bigint PRIMARY KEY, name text NOT NULL);\n")
                .write("V3__plain.sql", "ALTER TABLE a ADD COLUMN note text;\n")
                .write("V4__read.sql", "INSERT INTO seen VALUES ('V4', current_setting('lock_timeout'), current_setting('statement_timeout'));\n")
                .write("V5__plain.sql", "COMMENT ON TABLE a IS 'a';\n")
                .write("V6__directive.sql", "-- zdm:lock_timeout=9s\n"
                        + "INSERT INTO seen VALUES ('V6', current_setting('lock_timeout'), current_setting('statement_timeout'));\n")
                .write("V7__plain.sql", "CREATE TABLE b (id bigint PRIMARY KEY);\n")
                .write("V8__read.sql", "INSERT INTO seen VALUES ('V8', current_setting('lock_timeout'), current_setting('statement_timeout'));\n");
        m.flyway(new ZdmCallback(MigrationDir.testSettings().lockTimeout(java.time.Duration.ofMillis(1234)).build())).migrate();
        assertThat(seen(db, "V4")).isEqualTo("1234ms/0");
        assertThat(seen(db, "V6")).isEqualTo("9s/0");
        assertThat(seen(db, "V8")).isEqualTo("1234ms/0");
    }

    /** The same record as {@link V4__Record_timeouts}, for a longer chain. */
    public static class V6__Record_timeouts extends V4__Record_timeouts {
        @Override
        protected String version() {
            return "V6";
        }
    }

    @Test
    void settingsMadeByAMigrationDoNotReachTheNextOne(TestDatabase db) throws Exception {
        // no global guard: only the directive applies, so V4 shows the session value left behind by V2/V3
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().lockTimeout(java.time.Duration.ZERO).build());
        leakyMigrations(db).flyway(callback, new V4__Record_timeouts()).migrate();
        assertThat(seen(db, "V4")).isEqualTo("0/0");
    }

    @Test
    void withoutTheCallbackAPlainSetLeaks(TestDatabase db) throws Exception {
        ZdmCallback off = new ZdmCallback(ZdmSettings.builder().mode(ZdmSettings.Mode.OFF).build());
        leakyMigrations(db).flyway(off, new V4__Record_timeouts()).migrate();
        assertThat(seen(db, "V4")).isEqualTo("1min/0");
    }

    @Test
    void pooledConnectionsGoBackWithTheirOwnTimeouts(TestDatabase db) throws Exception {
        // the application's pool hands out sessions with lock_timeout 42s; Flyway borrows them for the run
        try (ReusingPool pool = new ReusingPool(db, "SET lock_timeout = '42s'")) {
            MigrationDir m = new MigrationDir(db)
                    .write("V1__t.sql", "CREATE TABLE t (id int);\n"
                            + "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n")
                    .write("V2__guarded.sql", "-- zdm:lock_timeout=10s\nALTER TABLE t ADD COLUMN note text;\n")
                    .write("V3__no_transaction.sql", "CREATE INDEX CONCURRENTLY t_id ON t (id);\n")
                    .write("V3__no_transaction.sql.conf", "executeInTransaction=false\n");
            m.flyway(pool, new ZdmCallback(MigrationDir.testSettings().build()), new V4__Record_timeouts()).migrate();
            assertThat(seen(db, "V4")).isEqualTo("300ms/0"); // the guard's value while migrating
            assertThat(pool.idleSettings()).isNotEmpty().allMatch("42s/0"::equals);
        }
    }

    @Test
    void aFailedRunAlsoGivesThePooledConnectionItsTimeoutsBack(TestDatabase db) throws Exception {
        try (ReusingPool pool = new ReusingPool(db, "SET lock_timeout = '42s'")) {
            MigrationDir m = new MigrationDir(db)
                    .write("V1__t.sql", "CREATE TABLE t (id int);\n")
                    .write("V2__fails.sql", "ALTER TABLE t ADD COLUMN id int;\n");
            var flyway = m.flyway(pool, new ZdmCallback(MigrationDir.testSettings().build()));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(flyway::migrate)).hasMessageContaining("already exists");
            assertThat(pool.idleSettings()).isNotEmpty().allMatch("42s/0"::equals);
        }
    }

    private static MigrationDir leakyMigrations(TestDatabase db) throws Exception {
        return new MigrationDir(db)
                .write("V1__seen.sql", "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n")
                .write("V2__directive.sql", "-- zdm:lock_timeout=10s\nSET lock_timeout = '7s';\n")
                .write("V3__no_transaction.sql", "-- zdm:lock_timeout=20s\nSET lock_timeout = '1min';\n")
                .write("V3__no_transaction.sql.conf", "executeInTransaction=false\n");
    }

    @Test
    void aFractionalDirectiveIsReadWithTheLintersDurationGrammar(TestDatabase db) throws Exception {
        // current_setting is what SHOW prints, read inside the migration's own session and transaction
        MigrationDir m = new MigrationDir(db)
                .write("V1__seen.sql", "-- zdm:lock_timeout=1.5s\n/* zdm:statement_timeout=2.5min */\n"
                        + "CREATE TABLE seen (version text, lock_timeout text, statement_timeout text);\n"
                        + "INSERT INTO seen VALUES ('V1', current_setting('lock_timeout'), current_setting('statement_timeout'));\n");

        m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate();

        assertThat(seen(db, "V1")).isEqualTo("1500ms/150s");
    }

    @Test
    void aDirectiveThatIsNotADurationRefusesTheMigrationWithFileAndLine(TestDatabase db) throws Exception {
        MigrationDir m = new MigrationDir(db)
                .write("V1__t.sql", "CREATE TABLE t (id bigint);\n")
                .write("V2__bad.sql", "ALTER TABLE t ADD COLUMN note text;\n-- zdm:lock_timeout=1.5 seconds\n");

        Throwable e = catchThrowable(() -> m.flyway(new ZdmCallback(MigrationDir.testSettings().build())).migrate());

        assertThat(e).hasRootCauseInstanceOf(ZdmVetoException.class).hasMessageContaining("V2__bad.sql:2")
                .hasMessageContaining("zdm:lock_timeout").hasMessageContaining("not a duration");
        assertThat(m.historyRows("1")).isOne();
        assertThat(m.historyRows("2")).isZero();
        assertThat(db.queryValue("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'note'"))
                .isEqualTo(0L);
    }

    private static String seen(TestDatabase db, String version) throws Exception {
        return (String) db.queryValue("SELECT lock_timeout || '/' || statement_timeout FROM seen WHERE version = '" + version + "'");
    }
}
