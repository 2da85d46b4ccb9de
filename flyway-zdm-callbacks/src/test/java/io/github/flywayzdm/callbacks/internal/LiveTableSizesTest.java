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
        LiveTableSizes sizes = new LiveTableSizes(() -> c);

        assertThat(sizes.estimatedRows(null, "small")).hasValue(200);
        assertThat(sizes.estimatedRows("public", "big").getAsLong()).isBetween(45_000L, 55_000L);
        assertThat(sizes.estimatedRows(null, "never_analyzed")).hasValue(0);
        assertThat(sizes.estimatedRows(null, "Mixed Case")).hasValue(0);
        assertThat(sizes.estimatedRows(null, "missing")).isEqualTo(OptionalLong.empty());
    }
}
