package io.github.flywayzdm.lint.internal.split;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one lexer, class by class of what scan.l does, and the splitter built on it. */
class SqlLexerTest {

    private static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        while (lexer.next()) {
            out.add(lexer.kind() + ":" + lexer.text());
        }
        return out;
    }

    private static List<String> statements(String script) {
        return StatementSplitter.split(script).statements().stream().map(SqlStatement::executed).toList();
    }

    @Test
    void aBareCarriageReturnEndsALineComment() {
        assertThat(tokens("CREATE -- note\rINDEX")).containsExactly("WORD:CREATE", "LINE_COMMENT:-- note", "WORD:INDEX");
    }

    @Test
    void dollarTagsFollowIdentifierRulesSoAnyNonAsciiCharacterCounts() {
        assertThat(tokens("$€$ a; b $€$ x")).containsExactly("DOLLAR_BODY:$€$ a; b $€$", "WORD:x");
        assertThat(tokens("$ä1$;$ä1$")).containsExactly("DOLLAR_BODY:$ä1$;$ä1$");
        assertThat(tokens("$1 $")).containsExactly("PARAM:$1", "SYMBOL:$");
        assertThat(tokens("a$b$c")).containsExactly("WORD:a$b$c");
    }

    @Test
    void blockCommentsNest() {
        assertThat(tokens("/* a /* b */ c */ x")).containsExactly("BLOCK_COMMENT:/* a /* b */ c */", "WORD:x");
    }

    @Test
    void unicodeEscapedIdentifiersAndStringsAreOneToken() {
        assertThat(tokens("U&\"d\\0061t\"\"a\" UESCAPE '!'")).containsExactly("QUOTED:U&\"d\\0061t\"\"a\"", "WORD:UESCAPE", "STRING:'!'");
        assertThat(tokens("u&'\\0041'")).containsExactly("STRING:u&'\\0041'");
    }

    @Test
    void anEStringContinuedOnTheNextLineKeepsItsEscapes() {
        assertThat(tokens("E'it'\n'\\'s', x")).containsExactly("STRING:E'it'\n'\\'s'", "SYMBOL:,", "WORD:x");
        assertThat(tokens("'a' -- c\n'b'")).containsExactly("STRING:'a' -- c\n'b'");
        assertThat(tokens("'a' 'b'")).as("no newline: two strings").containsExactly("STRING:'a'", "STRING:'b'");
    }

    @Test
    void standardConformingStringsOffMakesPlainStringsTakeBackslashes() {
        String script = "SET standard_conforming_strings = off;\nSELECT 'x\\'; SELECT 1';\nRESET standard_conforming_strings;\nSELECT 'y\\'; SELECT 2;";
        assertThat(statements(script)).containsExactly("SET standard_conforming_strings = off", "SELECT 'x\\'; SELECT 1'",
                "RESET standard_conforming_strings", "SELECT 'y\\'", "SELECT 2");
    }

    @Test
    void whitespaceIsOnlyWhatTheServerCallsWhitespace() {
        assertThat(tokens("CREATE\u00A0INDEX")).containsExactly("WORD:CREATE\u00A0INDEX");
        assertThat(tokens("a\u000Bb")).containsExactly("WORD:a", "WORD:b");
    }

    @Test
    void anOperatorNeverSwallowsACommentStart() {
        assertThat(tokens("2*--x\n3")).containsExactly("NUMBER:2", "SYMBOL:*", "LINE_COMMENT:--x", "NUMBER:3");
    }

    @Test
    void beginAndAtomicAsNamesDoNotOpenAFunctionBody() {
        assertThat(statements("SELECT begin atomic FROM (SELECT 1 AS begin) AS s; CREATE INDEX i ON t (c); SELECT 1 AS end;"))
                .containsExactly("SELECT begin atomic FROM (SELECT 1 AS begin) AS s", "CREATE INDEX i ON t (c)", "SELECT 1 AS end");
        assertThat(statements("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;"))
                .containsExactly("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3");
    }

    @Test
    void copyOfAQueryToIsNotCopyFromStdin() {
        assertThat(statements("COPY (SELECT a FROM stdin) TO STDOUT;\nCREATE INDEX i ON t (c);"))
                .containsExactly("COPY (SELECT a FROM stdin) TO STDOUT", "CREATE INDEX i ON t (c)");
        assertThat(statements("COPY t FROM stdin;\n1\n\\.\nSELECT 1;")).hasSize(2);
    }

    @Test
    void byteOrderMarksAnywhereAreDroppedAsFlywayDoesAndPositionsStayInTheFile() {
        SplitResult r = StatementSplitter.split(ExecutedText.of("SELECT 1;\n\uFEFFCREATE IN\uFEFFDEX i ON t (c);"));
        assertThat(r.statements()).extracting(SqlStatement::executed).containsExactly("SELECT 1", "CREATE INDEX i ON t (c)");
        assertThat(r.statements().get(1).line()).isEqualTo(2);
        assertThat(r.statements().get(1).column()).isEqualTo(2);
        assertThat(r.statements().get(1).sql()).isEqualTo("CREATE IN\uFEFFDEX i ON t (c)");
    }

    @Test
    void placeholdersAreSubstitutedBeforeSplitting() {
        Placeholders p = Placeholders.of(Map.of("v", "x'; CREATE INDEX i ON t (c); SELECT '", "c", "*/ DROP TABLE t; /*"));
        SplitResult r = StatementSplitter.split(ExecutedText.of("SELECT '${v}';\n/* ${c} */ SELECT 2;", p));
        assertThat(r.statements()).extracting(SqlStatement::executed)
                .containsExactly("SELECT 'x'", "CREATE INDEX i ON t (c)", "SELECT ''", "DROP TABLE t", "SELECT 2");
        assertThat(r.statements()).extracting(SqlStatement::line).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void unterminatedConstructsAreMarked() {
        SqlLexer lexer = new SqlLexer("$x$ never closed");
        assertThat(lexer.next()).isTrue();
        assertThat(lexer.unterminated()).isEqualTo("dollar-quoted string $x$");
    }
}
