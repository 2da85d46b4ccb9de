package io.github.flywayzdm.lint.internal.parse;

import java.util.Locale;

/** A lexical token of one statement; comments and whitespace are dropped. */
record Token(Kind kind, String text, int offset) {

    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL, DOLLAR_BODY, PARAM }

    /** True for an unquoted word equal to {@code keyword} ignoring case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Upper-cased text for keywords. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }
}
