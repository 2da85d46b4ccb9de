package io.github.flywayzdm.lint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCodeTest {

    @Test
    void commentsGoLiteralsAndQuotedNamesBecomePlaceholders() {
        assertThat(SqlCode.of("CREATE INDEX CONCURRENTLY i ON t (a); -- CONCURRENTLY\n/* a /* nested */ comment */"))
                .isEqualTo("create index concurrently i on t ( a ) ;");
        assertThat(SqlCode.of("SELECT 'set', E'it\\'s concurrently', \"Concurrently\", $1 FROM s.t"))
                .isEqualTo("select '?' , '?' , \"?\" , $? from s . t");
        assertThat(SqlCode.of("ALTER TABLE \"Order\" ADD COLUMN a int")).isEqualTo("alter table \"?\" add column a int");
    }

    @Test
    void dollarBodiesAreDroppedOrKept() {
        String sql = "DO $do$ BEGIN PERFORM set_config('lock_timeout', '1s', false); END $do$;";
        assertThat(SqlCode.of(sql)).isEqualTo("do $?$ ;");
        assertThat(SqlCode.withBodies(sql))
                .isEqualTo("do $$ begin perform set_config ( '?' , '?' , false ) ; end $$ ;");
        assertThat(SqlCode.withBodies("SELECT $$never closed")).isEqualTo("select $?$");
    }
}
