package io.github.flywayzdm.lint.internal.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** PlainQuery may only say "valid" where JSqlParser agrees: otherwise skipping JSqlParser would hide a broken query. */
class PlainQueryTest {

    private static boolean plain(String sql) {
        return PlainQuery.certainlyValid(sql, true);
    }

    private static boolean jsqlParses(String sql) {
        return JSqlParserDriver.parse(sql).isPresent();
    }

    @Test
    void everyListedWordIsAPlainIdentifierForJSqlParserInEveryPosition() {
        List<String> words = new ArrayList<>(PlainQuery.WORDS);
        words.addAll(List.of("t1", "T42_x", "pg_sleep", "pg_advisory_lock", "x9", "a1b2"));
        for (String w : words) {
            String sql = "SELECT " + w + ", " + w + "." + w + ", " + w + "(*), " + w + "(), " + w + "(" + w + ", 1, 'x'), "
                    + w + "." + w + "(" + w + ") FROM " + w + "." + w + " " + w + " WHERE " + w + " = 1 AND " + w + "." + w
                    + " <> 'x' OR " + w + " >= " + w + "(" + w + ")";
            assertThat(plain(sql)).as(sql).isTrue();
            assertThat(jsqlParses(sql)).as(sql).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "select count(*) from t1", "SELECT count(*) FROM t1;", "SELECT pg_sleep(1)",
            "SELECT setval('t1_id_seq', 42)", "SELECT id, email FROM app1.t1 WHERE status = 'it''s' AND id < 10"})
    void plainQueriesAreValidWithoutJSqlParser(String sql) {
        assertThat(plain(sql)).isTrue();
        assertThat(jsqlParses(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1 UNION SELECT 2", "SELECT FROM FROM WHERE", "SELECT \"Quoted\" FROM t1",
            "SELECT 'a' -- comment", "SELECT /* c */ 1", "SELECT E'it\\'s'", "SELECT 'unterminated", "SELECT 1.5",
            "SELECT $1", "SELECT select FROM t1", "SELECT count(*) FROM t1 GROUP BY id", "SELECT id FROM t1 t2 t3",
            "SELECT order FROM t1", "SELECT 1 FROM", "SELECT", "SELECT count(* FROM t1", "SELECT base64 FROM t1",
            "SELECT é1 FROM t1", "SELECT 1 1", "SELECT id FROM t1 WHERE id = = 1", "SELECT id FROM t1 WHERE id < = 1", "SELECT id FROM t1 WHERE id ! 1"})
    void anythingElseIsLeftToJSqlParser(String sql) {
        assertThat(plain(sql)).isFalse();
    }

    @Test
    void withoutStandardConformingStringsJSqlParserDecides() {
        assertThat(PlainQuery.certainlyValid("SELECT 'x'", false)).isFalse();
    }

    /** Random queries over a vocabulary of names, keywords and symbols: wherever PlainQuery says valid, JSqlParser must. */
    @Test
    void neverValidWhereJSqlParserRejects() {
        String[] vocabulary = {"SELECT", "FROM", "WHERE", "AND", "OR", "*", ",", "(", ")", ".", "=", "<>", "<", ">=", ";",
                "1", "42", "'x'", "''", "t1", "count", "id", "name", "pg_sleep", "status", "order", "select", "table", "user",
                "group", "limit", "values", "join", "on", "as", "is", "null", "not", "in", "x9", "max", "now", "NULL"};
        Random random = new Random(20);
        int accepted = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder b = new StringBuilder("SELECT");
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            String sql = b.toString();
            if (plain(sql)) {
                accepted++;
                assertThat(jsqlParses(sql)).as(sql).isTrue();
            }
        }
        assertThat(accepted).as("the random queries reach the accepted shape").isGreaterThan(300);
    }
}
