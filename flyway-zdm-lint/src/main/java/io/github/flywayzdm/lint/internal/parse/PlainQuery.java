package io.github.flywayzdm.lint.internal.parse;

import java.util.List;
import java.util.Set;

/**
 * Recognizes queries in a shape so plain that JSqlParser certainly accepts them, so that the analyzer need not start
 * JSqlParser (its classes and first parses are a fifth of a short lint call) to learn that {@code SELECT count(*) FROM
 * t1} is valid. Strictly a subset of what JSqlParser parses ({@code PlainQueryTest} proves each form against it);
 * anything else, including every word that might be a JSqlParser keyword, goes to JSqlParser as before.
 *
 * <pre>
 * SELECT item {, item} [FROM name [alias]] [WHERE name op value {AND|OR name op value}] [;]
 * item:  * | value          value: name | name(*) | name([value {, value}]) | integer | 'string'
 * name:  word [. word]      op:    = &lt;&gt; != &lt; &gt; &lt;= &gt;=
 * word:  ASCII letters, digits and _, starting with a letter, and containing a digit, or starting with pg_, or one of
 *        {@link #WORDS}
 * </pre>
 */
final class PlainQuery {

    /** Words JSqlParser takes as plain identifiers in every position above (checked by PlainQueryTest). */
    static final Set<String> WORDS = Set.of("count", "sum", "min", "max", "avg", "coalesce", "lower", "upper", "length",
            "now", "setval", "id", "name", "email", "status", "created_at", "updated_at");

    private static final Set<String> OPERATORS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

    private final List<Token> tokens;
    private int pos;

    private PlainQuery(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** True only when {@code sql} has the plain shape above (comments, backslashes and quoted names never do). */
    static boolean certainlyValid(String sql, boolean standardConformingStrings) {
        if (!standardConformingStrings || sql.indexOf('\\') >= 0 || sql.contains("--") || sql.contains("/*")) {
            return false;
        }
        return new PlainQuery(Lexer.tokens(sql, true)).query();
    }

    private boolean query() {
        if (!word("SELECT")) {
            return false;
        }
        if (!item()) {
            return false;
        }
        while (symbol(",")) {
            if (!item()) {
                return false;
            }
        }
        if (word("FROM")) {
            if (!name()) {
                return false;
            }
            if (pos < tokens.size() && identifier(tokens.get(pos))) {
                pos++; // alias
            }
        }
        if (word("WHERE")) {
            do {
                if (!name() || !operator() || !value()) {
                    return false;
                }
            } while (word("AND") || word("OR"));
        }
        symbol(";");
        return pos == tokens.size();
    }

    private boolean item() {
        return symbol("*") || value();
    }

    private boolean value() {
        Token t = peek();
        if (t == null) {
            return false;
        }
        if (t.kind() == Token.Kind.NUMBER) {
            pos++;
            return t.text().chars().allMatch(ch -> ch >= '0' && ch <= '9');
        }
        if (t.kind() == Token.Kind.STRING) {
            pos++;
            return t.text().length() >= 2 && t.text().startsWith("'") && t.text().endsWith("'");
        }
        if (!name()) {
            return false;
        }
        if (!symbol("(")) {
            return true;
        }
        if (symbol("*")) {
            return symbol(")");
        }
        if (symbol(")")) {
            return true;
        }
        do {
            if (!value()) {
                return false;
            }
        } while (symbol(","));
        return symbol(")");
    }

    private boolean name() {
        Token t = peek();
        if (t == null || !identifier(t)) {
            return false;
        }
        pos++;
        if (symbol(".")) {
            Token second = peek();
            if (second == null || !identifier(second)) {
                return false;
            }
            pos++;
        }
        return true;
    }

    /** The lexer gives one token per operator character: {@code <=} is {@code <} and {@code =}, side by side. */
    private boolean operator() {
        Token t = peek();
        if (t == null || t.kind() != Token.Kind.SYMBOL) {
            return false;
        }
        Token second = pos + 1 < tokens.size() ? tokens.get(pos + 1) : null;
        if (second != null && second.kind() == Token.Kind.SYMBOL && second.offset() == t.offset() + 1
                && OPERATORS.contains(t.text() + second.text())) {
            pos += 2;
            return true;
        }
        if (OPERATORS.contains(t.text()) && t.text().length() == 1 && !t.text().equals("!")) {
            pos++;
            return true;
        }
        return false;
    }

    static boolean identifier(Token t) {
        if (t.kind() != Token.Kind.WORD) {
            return false;
        }
        String w = t.text();
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            boolean letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            boolean number = ch >= '0' && ch <= '9';
            if (i == 0 ? !letter : !(letter || number || ch == '_')) {
                return false;
            }
            digit |= number;
        }
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        return (digit && !lower.equals("base64")) || lower.startsWith("pg_") || WORDS.contains(lower);
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean word(String keyword) {
        Token t = peek();
        if (t != null && t.is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        Token t = peek();
        if (t != null && t.isSymbol(s)) {
            pos++;
            return true;
        }
        return false;
    }
}
