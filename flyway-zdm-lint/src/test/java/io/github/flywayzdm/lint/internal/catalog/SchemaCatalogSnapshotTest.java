package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.parse.StatementAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A table's snapshot is reused between changes, and every change of the catalog is seen by the next one. */
class SchemaCatalogSnapshotTest {

    private final StatementAnalyzer analyzer = new StatementAnalyzer();
    private final SchemaCatalog catalog = new SchemaCatalog();

    private void apply(String sql) {
        for (Operation op : analyzer.analyze(sql, true).operations()) {
            catalog.apply(op, "V1__t.sql");
        }
    }

    private TableState t() {
        return catalog.table(TableRef.of("t")).orElseThrow();
    }

    @Test
    void everyKindOfChangeIsSeenAndAnEarlierSnapshotStaysAsItWas() {
        apply("CREATE TABLE t (id bigint PRIMARY KEY, c text)");
        TableState first = t();
        assertThat(t()).isSameAs(first);
        apply("ALTER TABLE t ADD COLUMN d int");
        assertThat(t().columns()).containsKeys("id", "c", "d");
        assertThat(first.columns()).doesNotContainKey("d");
        apply("ALTER TABLE t ALTER COLUMN d SET NOT NULL");
        assertThat(t().column("d").orElseThrow().notNull()).isTrue();
        apply("ALTER TABLE t ADD CONSTRAINT t_c CHECK (c <> '') NOT VALID");
        assertThat(t().constraints()).anyMatch(c -> c.def().name().equals("t_c") && !c.validated());
        apply("ALTER TABLE t VALIDATE CONSTRAINT t_c");
        assertThat(t().constraints()).anyMatch(c -> c.def().name().equals("t_c") && c.validated());
        apply("CREATE INDEX t_c_idx ON t (c)");
        assertThat(t().indexes()).anyMatch(i -> i.name().equals("t_c_idx"));
        apply("DROP INDEX t_c_idx");
        assertThat(t().indexes()).noneMatch(i -> i.name().equals("t_c_idx"));
        apply("ALTER TABLE t RENAME COLUMN c TO e");
        assertThat(t().columns()).containsKey("e").doesNotContainKey("c");
        apply("ALTER TABLE t RENAME TO u");
        assertThat(catalog.table(TableRef.of("t"))).isEmpty();
        assertThat(catalog.table(TableRef.of("u")).orElseThrow().columns()).containsKey("e");
        apply("DROP TABLE u");
        assertThat(catalog.table(TableRef.of("u"))).isEmpty();
    }
}
