package io.github.flywayzdm.lint.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** Tokenizes one PostgreSQL statement (quotes, dollar quotes and comments aware). Never throws. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { // isSpaceChar: no-break spaces too
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                boolean escapes = c != '\'';
                int from = i;
                i = stringEnd(sql, escapes ? i + 1 : i, escapes);
                out.add(new Token(Token.Kind.STRING, sql.substring(from, i), from));
            } else if (c == '"') {
                int from = i;
                i = stringEnd(sql, i, false);
                out.add(new Token(Token.Kind.QUOTED, sql.substring(from, i), from));
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int from = i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.PARAM, sql.substring(from, i), from));
            } else if (c == '$') {
                int from = i;
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = tagEnd > 0 ? sql.substring(i, tagEnd + 1) : "$";
                int close = tagEnd > 0 && tag.chars().skip(1).limit(tag.length() - 2L).allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')
                        ? sql.indexOf(tag, tagEnd + 1) : -1;
                i = close < 0 ? n : close + tag.length();
                out.add(new Token(Token.Kind.DOLLAR_BODY, sql.substring(from, i), from));
            } else if (Character.isLetter(c) || c == '_' || c >= 0x80) {
                int from = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$' || sql.charAt(i) >= 0x80)) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, sql.substring(from, i), from));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int from = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Token.Kind.NUMBER, sql.substring(from, i), from));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.add(new Token(Token.Kind.SYMBOL, "::", i));
                i += 2;
            } else {
                out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return out;
    }

    private static int blockCommentEnd(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int stringEnd(String sql, int quoteAt, boolean backslash) {
        char q = sql.charAt(quoteAt);
        int n = sql.length();
        int i = quoteAt + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < n && sql.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }
}
