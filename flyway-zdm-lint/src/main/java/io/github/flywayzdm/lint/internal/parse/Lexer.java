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
        List<Token> out = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        lexer.standardConformingStrings(standardConformingStrings);
        while (lexer.next()) {
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
}
