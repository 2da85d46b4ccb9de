package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.split.SqlLexer;

import java.util.ArrayList;
import java.util.List;

/** The tokens of one statement as the one {@link SqlLexer} reads them, comments dropped. Never throws. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String sql) {
        return tokens(sql, true);
    }

    /** @param standardConformingStrings false when the script turned it off: '...' strings take backslash escapes */
    static List<Token> tokens(String sql, boolean standardConformingStrings) {
        return tokens(sql, standardConformingStrings, Integer.MAX_VALUE);
    }

    /** The first {@code max} tokens at most. */
    static List<Token> tokens(String sql, boolean standardConformingStrings, int max) {
        List<Token> out = new ArrayList<>(Math.min(max, 16));
        SqlLexer lexer = new SqlLexer(sql);
        lexer.standardConformingStrings(standardConformingStrings);
        while (out.size() < max && lexer.next()) {
            Token.Kind kind = switch (lexer.kind()) {
                case WORD -> Token.Kind.WORD;
                case QUOTED -> Token.Kind.QUOTED;
                case STRING -> Token.Kind.STRING;
                case NUMBER -> Token.Kind.NUMBER;
                case SYMBOL -> Token.Kind.SYMBOL;
                case DOLLAR_BODY -> Token.Kind.DOLLAR_BODY;
                case PARAM -> Token.Kind.PARAM;
                case LINE_COMMENT, BLOCK_COMMENT -> null;
            };
            if (kind != null) {
                out.add(new Token(kind, lexer.text(), lexer.start()));
            }
        }
        return out;
    }

    /** True when the first token (comments skipped) is the unquoted word {@code word}, ignoring ASCII case. */
    static boolean startsWith(String sql, boolean standardConformingStrings, String word) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.standardConformingStrings(standardConformingStrings);
        while (lexer.next()) {
            if (lexer.kind() != SqlLexer.Kind.LINE_COMMENT && lexer.kind() != SqlLexer.Kind.BLOCK_COMMENT) {
                return lexer.isWord(word);
            }
        }
        return false;
    }

    /**
     * True when some token starting at or after {@code from} is the unquoted word {@code word}: read as a stream, so a
     * statement of millions of tokens (one INSERT of 500,000 rows) is never held as a token list.
     */
    static boolean containsWord(String sql, boolean standardConformingStrings, int from, String word) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.standardConformingStrings(standardConformingStrings);
        while (lexer.next()) {
            if (lexer.start() >= from && lexer.isWord(word)) {
                return true;
            }
        }
        return false;
    }
}
