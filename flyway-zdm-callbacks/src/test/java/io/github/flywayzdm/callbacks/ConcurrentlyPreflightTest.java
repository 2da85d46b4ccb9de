package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@WithPostgres
class ConcurrentlyPreflightTest {

    private static final String CONCURRENT_INDEX = "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n";

    @Test
    void concurrentlyWithFlywaysTransactionalLockIsRefusedFast(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = new MigrationDir(db)
                .write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n")
                .write("V2__email_index.sql", CONCURRENT_INDEX);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> m.configure(callback).load().migrate())   // Flyway's default: transactional lock
                        .isInstanceOf(FlywayException.class)
                        .hasMessageContaining("V2__email_index.sql")
                        .hasMessageContaining("flyway.postgresql.transactional.lock=false"));
        // refused before anything ran
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).isZero();

        m.flyway(callback).migrate();
        assertThat(m.historyRows("2")).isOne();
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email_idx'")).isOne();
    }

    @Test
    void anInvalidIndexLeftByAFailedConcurrentBuildIsReported(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = new MigrationDir(db)
                .write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
                        + "INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');\n");
        m.flyway(callback).migrate();
        m.write("V2__unique_email.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");

        assertThatThrownBy(() -> m.flyway(callback).migrate()).isInstanceOf(FlywayException.class);

        var r = callback.lastReport().orElseThrow().migrations().get(0);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("INVALID index").contains("users_email_key")
                .contains("DROP INDEX CONCURRENTLY"));
    }

    @Test
    void reindexConcurrentlyInsideATransactionIsRefusedUntilTheSidecarSaysOtherwise(TestDatabase db) throws Exception {
        ZdmCallback callback = new ZdmCallback(MigrationDir.testSettings().build());
        MigrationDir m = new MigrationDir(db)
                .write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n")
                .write("V2__reindex.sql", "REINDEX INDEX CONCURRENTLY users_pkey;\n");

        assertThatThrownBy(() -> m.flyway(callback).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("V2__reindex.sql").hasMessageContaining("executeInTransaction=false");
        assertThat(m.historyRows("2")).isZero();

        m.write("V2__reindex.sql.conf", "executeInTransaction=false\n");
        m.flyway(callback).migrate();
        assertThat(m.historyRows("2")).isOne();
    }
}
