package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class LiveTableKeysTest {

    @Test
    void readsThePrimaryKeyAndTheFullUniqueIndexesOfTheLiveTable(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA app",
                "CREATE TABLE app.legacy (id bigint PRIMARY KEY, tenant int, code text, \"Ref No\" text, email text, note text,"
                        + " UNIQUE (tenant, code))",
                "CREATE UNIQUE INDEX legacy_ref ON app.legacy (\"Ref No\") INCLUDE (note)",
                "CREATE UNIQUE INDEX legacy_email_live ON app.legacy (email) WHERE note IS NULL", // partial: not a key
                "CREATE UNIQUE INDEX legacy_lower_email ON app.legacy (lower(email))",           // expression: not a key
                "CREATE TABLE plain (n int)");
        try (Connection c = db.connect()) {
            LiveTableKeys keys = new LiveTableKeys(() -> c, new MigrationSearchPath());
            assertThat(keys.uniqueKeys("app", "legacy")).hasValueSatisfying(k -> assertThat(k)
                    .containsExactlyInAnyOrder(List.of("id"), List.of("tenant", "code"), List.of("Ref No")));
            assertThat(keys.uniqueKeys(null, "plain")).hasValue(List.of());
            assertThat(keys.uniqueKeys(null, "missing")).isEqualTo(Optional.empty());
            assertThat(keys.uniqueKeys(null, "legacy")).as("not on the search_path").isEqualTo(Optional.empty());
        }
    }

    @Test
    void anInvalidUniqueIndexLeftByAFailedConcurrentBuildIsNoKey(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE dup (n int)", "INSERT INTO dup VALUES (1), (1)");
        try {
            db.execute("CREATE UNIQUE INDEX CONCURRENTLY dup_n ON dup (n)");
        } catch (SQLException expected) {
            // duplicate key: PostgreSQL leaves the index behind, INVALID
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE indexrelid = 'dup_n'::regclass AND NOT indisvalid")).isOne();
        try (Connection c = db.connect()) {
            assertThat(new LiveTableKeys(() -> c, new MigrationSearchPath()).uniqueKeys(null, "dup")).hasValue(List.of());
        }
    }

    @Test
    void cachesUntilCleared(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE k (id int, code text)");
        try (Connection c = db.connect()) {
            LiveTableKeys keys = new LiveTableKeys(() -> c, new MigrationSearchPath());
            assertThat(keys.uniqueKeys(null, "k")).hasValue(List.of());
            db.execute("CREATE UNIQUE INDEX k_code ON k (code)");
            assertThat(keys.uniqueKeys(null, "k")).hasValue(List.of());
            keys.clear();
            assertThat(keys.uniqueKeys(null, "k")).hasValue(List.of(List.of("code")));
        }
    }
}
