package io.github.flywayzdm.lint.internal.split;

/**
 * The one lexer of the linter: reads PostgreSQL SQL token by token the way the server's {@code scan.l} does. The
 * splitter, the token reader and the DO-body reader all use it, so they cannot disagree about where a string, a
 * comment or a dollar-quoted body ends.
 *
 * <p>What it follows from the server: whitespace is exactly {@code [ \t\n\r\f\v]} (any other character, U+00A0 or
 * U+3000 included, belongs to a word, as every byte of a multi-byte character does for the server); a {@code --}
 * comment ends at {@code \n} or a bare {@code \r}; block comments nest; identifiers start with {@code [A-Za-z_]} or any
 * non-ASCII character and continue with those, digits and {@code $}; a dollar-quote tag follows the same rule without
 * {@code $} (so {@code $€$} and {@code $ä$} are tags); {@code '...'} strings double quotes, and take backslash escapes
 * when written {@code E'...'} or while {@code standard_conforming_strings} is off; {@code U&'...'}, {@code U&"..."},
 * {@code B'...'}, {@code X'...'} and {@code N'...'}; a string followed by whitespace holding a newline and another
 * {@code '} continues, in the same mode (an {@code E''} string continued on the next line keeps its escapes);
 * {@code $1} is a parameter. An operator never swallows a comment start ({@code *--x} is {@code *} and a comment).
 *
 * <p>A cursor, not a list: {@link #next()} moves to the next token and the accessors describe it, so splitting a
 * large script allocates nothing per token. Never throws; an unterminated construct ends at the end of the text and is
 * marked with {@link #unterminated()}.
 */
public final class SqlLexer {

    public enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL, DOLLAR_BODY, PARAM, LINE_COMMENT, BLOCK_COMMENT }

    private final String s;
    private final int n;
    private int pos;
    private boolean standardConformingStrings = true;

    private Kind kind;
    private int start;
    private int end;
    private String unterminated;

    public SqlLexer(String text) {
        this(text, 0, text.length());
    }

    public SqlLexer(String text, int from, int to) {
        this.s = text;
        this.pos = from;
        this.n = to;
    }

    /** While off, plain {@code '...'} strings take backslash escapes (SET standard_conforming_strings = off). */
    public void standardConformingStrings(boolean on) {
        this.standardConformingStrings = on;
    }

    public boolean standardConformingStrings() {
        return standardConformingStrings;
    }

    /** Continues lexing at {@code offset} (after COPY data, which is not SQL). */
    public void resumeAt(int offset) {
        pos = offset;
    }

    /** Moves to the next token; false at the end of the text. */
    public boolean next() {
        unterminated = null;
        while (pos < n && (isSpace(s.charAt(pos)) || isUnicodeSpace(s.charAt(pos)))) {
            pos++;
        }
        if (pos >= n) {
            return false;
        }
        start = pos;
        char c = s.charAt(pos);
        char d = peek(pos + 1);
        if (c == '-' && d == '-') {
            kind = Kind.LINE_COMMENT;
            end = lineEnd(pos);
        } else if (c == '/' && d == '*') {
            kind = Kind.BLOCK_COMMENT;
            end = blockCommentEnd(pos);
        } else if (c == '\'') {
            kind = Kind.STRING;
            end = string(pos, !standardConformingStrings);
        } else if ((c == 'E' || c == 'e') && d == '\'') {
            kind = Kind.STRING;
            end = string(pos + 1, true);
        } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x') && d == '\'') {
            kind = Kind.STRING;
            end = string(pos + 1, false);
        } else if ((c == 'N' || c == 'n') && d == '\'') {
            kind = Kind.STRING;
            end = string(pos + 1, !standardConformingStrings);
        } else if ((c == 'U' || c == 'u') && d == '&' && (peek(pos + 2) == '\'' || peek(pos + 2) == '"')) {
            boolean ident = peek(pos + 2) == '"';
            kind = ident ? Kind.QUOTED : Kind.STRING;
            end = ident ? quotedIdentifier(pos + 2) : string(pos + 2, false);
        } else if (c == '"') {
            kind = Kind.QUOTED;
            end = quotedIdentifier(pos);
        } else if (c == '$') {
            dollar(pos);
        } else if (identStart(c)) {
            kind = Kind.WORD;
            int j = pos + 1;
            while (j < n && identPart(s.charAt(j))) {
                j++;
            }
            end = j;
        } else if (isDigit(c) || (c == '.' && isDigit(d))) {
            kind = Kind.NUMBER;
            int j = pos + 1;
            while (j < n && (isAsciiLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
                if (s.charAt(j) == '.' && peek(j + 1) == '.') {
                    break; // 1..2 is not a number
                }
                j++;
            }
            end = j;
        } else if (c == ':' && d == ':') {
            kind = Kind.SYMBOL;
            end = pos + 2;
        } else {
            kind = Kind.SYMBOL;
            end = pos + 1;
        }
        pos = end;
        return true;
    }

    public Kind kind() {
        return kind;
    }

    /** Offset of the token's first character. */
    public int start() {
        return start;
    }

    /** Offset after the token's last character. */
    public int end() {
        return end;
    }

    public String text() {
        return s.substring(start, end);
    }

    /** What was left open ("string", "block comment", ...) when the token runs to the end of the text; else null. */
    public String unterminated() {
        return unterminated;
    }

    /** True when the token is an unquoted word equal to {@code word}, ignoring ASCII case. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && end - start == word.length() && s.regionMatches(true, start, word, 0, word.length());
    }

    public boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && end - start == 1 && s.charAt(start) == c;
    }

    /** For a closed dollar-quoted body: the offsets of its inside; else -1. */
    public int bodyStart() {
        if (kind != Kind.DOLLAR_BODY || unterminated != null) {
            return -1;
        }
        return s.indexOf('$', start + 1) + 1;
    }

    public int bodyEnd() {
        if (kind != Kind.DOLLAR_BODY || unterminated != null) {
            return -1;
        }
        int tagLength = s.indexOf('$', start + 1) + 1 - start;
        return end - tagLength;
    }

    // ---- the token rules ------------------------------------------------------------------------------------------

    private int lineEnd(int i) {
        int j = i;
        while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    private int blockCommentEnd(int i) {
        int depth = 0;
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '/' && peek(j + 1) == '*') {
                depth++;
                j += 2;
            } else if (c == '*' && peek(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        unterminated = "block comment";
        return n;
    }

    /** A string whose opening quote is at {@code quote}, with its continuations; backslash escapes when asked. */
    private int string(int quote, boolean backslashEscapes) {
        int j = quote + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == '\'') {
                if (peek(j + 1) == '\'') {
                    j += 2;
                } else {
                    int next = continuation(j + 1);
                    if (next < 0) {
                        return j + 1;
                    }
                    j = next + 1;
                }
            } else {
                j++;
            }
        }
        unterminated = "string";
        return n;
    }

    /**
     * After a closing quote at {@code i - 1}: when only whitespace and {@code --} comments holding at least one newline
     * lead to another quote, the offset of that quote (the string continues); else -1.
     */
    private int continuation(int i) {
        boolean newline = false;
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\n' || c == '\r') {
                newline = true;
                j++;
            } else if (isSpace(c)) {
                j++;
            } else if (c == '-' && peek(j + 1) == '-') {
                j = lineEnd(j);
            } else {
                return c == '\'' && newline ? j : -1;
            }
        }
        return -1;
    }

    private int quotedIdentifier(int quote) {
        int j = quote + 1;
        while (j < n) {
            if (s.charAt(j) == '"') {
                if (peek(j + 1) == '"') {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        unterminated = "quoted identifier";
        return n;
    }

    private void dollar(int i) {
        int j = i + 1;
        if (j < n && isDigit(s.charAt(j))) {
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            kind = Kind.PARAM;
            end = j;
            return;
        }
        if (j < n && identStart(s.charAt(j))) {
            j++;
            while (j < n && identPart(s.charAt(j)) && s.charAt(j) != '$') {
                j++;
            }
        }
        if (j >= n || s.charAt(j) != '$') {
            kind = Kind.SYMBOL; // a lone $ (the server rejects it); not a quote
            end = i + 1;
            return;
        }
        kind = Kind.DOLLAR_BODY;
        String tag = s.substring(i, j + 1);
        int close = s.indexOf(tag, j + 1);
        if (close < 0 || close + tag.length() > n) {
            unterminated = "dollar-quoted string " + tag;
            end = n;
        } else {
            end = close + tag.length();
        }
    }

    private char peek(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    // ---- character classes (scan.l) -------------------------------------------------------------------------------

    /** {@code [ \t\n\r\f\v]}: nothing else separates tokens for the server. */
    /**
     * A no-break or other Unicode space (U+00A0, U+2007, ...) where a token would start. PostgreSQL reads it as part of an
     * identifier, but Flyway, which sends the statements, treats it as white space between them (a migration with
     * U+00A0 after its last ';' or before a statement runs): here it separates tokens.
     */
    public static boolean isUnicodeSpace(char c) {
        return c >= 0x80 && Character.isSpaceChar(c);
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** {@code [A-Za-z\200-\377_]}: every non-ASCII character is, byte for byte, an identifier character. */
    public static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    public static boolean identPart(char c) {
        return identStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }
}
