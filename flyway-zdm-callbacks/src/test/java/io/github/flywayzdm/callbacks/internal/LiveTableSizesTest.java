package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class LiveTableSizesTest {

    @Test
    void estimatesRowsFromTheLiveCatalog(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE small (id int)", "INSERT INTO small SELECT generate_series(1, 200)", "ANALYZE small",
                "CREATE TABLE big (id int)", "INSERT INTO big SELECT generate_series(1, 50000)", "ANALYZE big",
                "CREATE TABLE never_analyzed (id int)", "CREATE TABLE \"Mixed Case\" (id int)");
        Connection c = db.connect();
        LiveTableSizes sizes = new LiveTableSizes(() -> c, new MigrationSearchPath());

        assertThat(sizes.estimatedRows(null, "small")).hasValue(200);
        assertThat(sizes.estimatedRows("public", "big").getAsLong()).isBetween(45_000L, 55_000L);
        assertThat(sizes.estimatedRows(null, "never_analyzed")).hasValue(0);
        assertThat(sizes.estimatedRows(null, "Mixed Case")).hasValue(0);
        assertThat(sizes.estimatedRows(null, "missing")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void anUnqualifiedNameMeansWhatItMeansOnTheMigrationSession(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA app", "CREATE TABLE public.orders (id int)", "CREATE TABLE app.orders (id int)",
                "INSERT INTO app.orders SELECT generate_series(1, 30000)", "ANALYZE app.orders", "ANALYZE public.orders");
        Connection monitor = db.connect();
        Connection migration = db.connect();
        migration.createStatement().execute("SET search_path = app");
        MigrationSearchPath path = new MigrationSearchPath();
        LiveTableSizes sizes = new LiveTableSizes(() -> monitor, path);
        LiveTableKeys keys = new LiveTableKeys(() -> monitor, path);

        assertThat(new LiveTableSizes(() -> monitor, new MigrationSearchPath()).estimatedRows(null, "orders"))
                .as("on the monitor's own path: public.orders").hasValue(0);
        path.follow(migration);
        assertThat(sizes.estimatedRows(null, "orders").getAsLong()).as("app.orders").isBetween(25_000L, 35_000L);
        assertThat(sizes.estimatedRows("public", "orders")).as("qualified names are what they say").hasValue(0);
        assertThat(keys.uniqueKeys(null, "orders")).as("app.orders has no key").hasValue(java.util.List.of());

        migration.createStatement().execute("CREATE TEMP TABLE orders (id int PRIMARY KEY)");
        sizes.clear();
        keys.clear();
        path.follow(migration);
        assertThat(sizes.estimatedRows(null, "orders")).as("a temp table is searched first").hasValue(0);
        assertThat(keys.uniqueKeys(null, "orders")).hasValue(java.util.List.of(java.util.List.of("id")));
    }
}
