package io.github.flywayzdm.lint.internal.model;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** TableRef's equals/hashCode are written by hand (no invokedynamic at their first call): they must still be a value's. */
class TableRefTest {

    @Test
    void equalByBothPartsWithAnUnqualifiedNameDistinctFromAQualifiedOne() {
        assertThat(TableRef.parse("App.Orders")).isEqualTo(new TableRef("app", "orders")).hasSameHashCodeAs(new TableRef("app", "orders"));
        assertThat(TableRef.parse("\"App\".orders")).isNotEqualTo(new TableRef("app", "orders"));
        assertThat(TableRef.of("orders")).isNotEqualTo(new TableRef("app", "orders")).isEqualTo(TableRef.parse("orders"));
        assertThat(new TableRef("orders", "app")).isNotEqualTo(new TableRef("app", "orders"));
        assertThat(TableRef.of("t")).isNotEqualTo("t").isNotEqualTo(null);
        Set<TableRef> set = new HashSet<>(Set.of(TableRef.of("a"), new TableRef("s", "a"), TableRef.of("b")));
        assertThat(set.contains(TableRef.parse("s.a"))).isTrue();
        assertThat(set.contains(new TableRef("a", "s"))).isFalse();
    }
}
