package io.github.flywayzdm.lint.internal.split;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterTest {

    private static List<String> sql(String script) {
        return StatementSplitter.split(script).statements().stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsAMissingFinalOne() {
        assertThat(sql("SELECT 1; SELECT 2;\nSELECT 3")).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void skipsEmptyStatementsAndCommentOnlyScripts() {
        assertThat(sql(";;  ;\n")).isEmpty();
        assertThat(sql("-- only a comment\n/* and a block */")).isEmpty();
        assertThat(sql("")).isEmpty();
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        assertThat(sql("SELECT 'a;b', \"c;d\" -- e;f\n FROM t; SELECT 2")).containsExactly("SELECT 'a;b', \"c;d\" -- e;f\n FROM t", "SELECT 2");
        assertThat(sql("SELECT 'it''s; fine'; SELECT 2")).hasSize(2);
        assertThat(sql("SELECT \"a\"\";b\"; SELECT 2")).containsExactly("SELECT \"a\"\";b\"", "SELECT 2");
    }

    @Test
    void nestedBlockCommentsAreOneComment() {
        SplitResult r = StatementSplitter.split("/* a /* b; */ still; comment */ SELECT 1; SELECT 2");
        assertThat(r.statements()).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
        assertThat(r.comments()).hasSize(1);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void escapeStringsTakeBackslashEscapes() {
        assertThat(sql("SELECT E'it\\'s; fine'; SELECT 2")).containsExactly("SELECT E'it\\'s; fine'", "SELECT 2");
        assertThat(sql("SELECT e'\\\\'; SELECT 2")).hasSize(2);
        // a standard string: the backslash is a plain character and '' is the escape
        assertThat(sql("SELECT 'C:\\'; SELECT 2")).containsExactly("SELECT 'C:\\'", "SELECT 2");
        assertThat(sql("SELECT U&'d\\0061t;a'; SELECT B'0101'; SELECT X'1F'")).hasSize(3);
    }

    @Test
    void dollarQuotesWithAndWithoutTags() {
        String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$";
        assertThat(sql(fn + "; SELECT 2")).containsExactly(fn, "SELECT 2");
        String tagged = "DO $body$ BEGIN PERFORM '$$'; RAISE NOTICE 'x;y'; END $body$";
        assertThat(sql(tagged + "; SELECT 2")).containsExactly(tagged, "SELECT 2");
        String nested = "CREATE FUNCTION g() RETURNS text AS $a$ SELECT $b$ ; $b$ $a$ LANGUAGE sql";
        assertThat(sql(nested + ";SELECT 3")).containsExactly(nested, "SELECT 3");
    }

    @Test
    void positionalParametersAndDollarsInIdentifiersAreNotQuotes() {
        assertThat(sql("PREPARE p AS SELECT $1; SELECT a$b FROM t; SELECT 3")).hasSize(3);
    }

    @Test
    void doBlockWithNestedBeginEndAndException() {
        String block = """
                DO $$
                DECLARE n int;
                BEGIN
                  BEGIN
                    UPDATE t SET x = 1;
                  EXCEPTION WHEN others THEN
                    RAISE NOTICE 'failed; retry';
                  END;
                END
                $$""";
        assertThat(sql(block + ";\nSELECT 1;")).containsExactly(block, "SELECT 1");
    }

    @Test
    void sqlStandardFunctionBodiesKeepTheirSemicolons() {
        String fn = """
                CREATE FUNCTION grade(score int) RETURNS text
                LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN score > 90 THEN 'A' ELSE 'B' END;
                  SELECT 'done';
                END""";
        assertThat(sql(fn + ";\nSELECT 1;")).containsExactly(fn, "SELECT 1");
    }

    @Test
    void copyFromStdinDataBelongsToTheStatement() {
        String script = "COPY t (a, b) FROM stdin;\n1\tx;y\n2\tz\n\\.\nSELECT 1;";
        SplitResult r = StatementSplitter.split(script);
        assertThat(r.statements()).extracting(SqlStatement::sql).containsExactly("COPY t (a, b) FROM stdin", "SELECT 1");
        assertThat(r.statements().get(0).endLine()).isEqualTo(4);
        assertThat(r.statements().get(1).line()).isEqualTo(5);
    }

    @Test
    void positionsAreLineAndColumnOfTheFirstToken() {
        SplitResult r = StatementSplitter.split("/* header\n spans */\n\n  ALTER TABLE t\n ADD c int;\r\n\tSELECT 1;\rSELECT 2;");
        assertThat(r.statements()).extracting(SqlStatement::line).containsExactly(4, 6, 7);
        assertThat(r.statements()).extracting(SqlStatement::column).containsExactly(3, 2, 1);
        assertThat(r.statements().get(0).endLine()).isEqualTo(5);
    }

    @Test
    void byteOrderMarkIsSkipped() {
        SplitResult r = StatementSplitter.split("\uFEFFSELECT 1;");
        assertThat(r.statements()).extracting(SqlStatement::sql).containsExactly("SELECT 1");
        assertThat(r.statements().get(0).column()).isEqualTo(2);
    }

    @Test
    void leadingCommentsBelongToTheNextStatementButTrailingOnesDoNot() {
        SplitResult r = StatementSplitter.split("""
                SELECT 1; -- about the first
                -- zdm:ignore drop-column: reason
                /* also leading */
                ALTER TABLE t DROP COLUMN c; -- trailing
                """);
        assertThat(r.statements().get(0).leadingComments()).isEmpty();
        assertThat(r.statements().get(1).leadingComments()).extracting(SqlComment::text)
                .containsExactly("-- zdm:ignore drop-column: reason", "/* also leading */");
        assertThat(r.comments()).hasSize(4);
    }

    @Test
    void unterminatedConstructsAreReportedNotThrown() {
        SplitResult r = StatementSplitter.split("SELECT 1;\nSELECT 'open;\nSELECT 3;");
        assertThat(r.statements()).hasSize(2);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("unterminated string");
        });
        assertThat(StatementSplitter.split("SELECT $x$ never closed").problems()).hasSize(1);
        assertThat(StatementSplitter.split("/* never closed").problems()).hasSize(1);
        assertThat(StatementSplitter.split("SELECT \"open").problems()).hasSize(1);
    }
}
