package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.Identifiers;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.ArrayList;
import java.util.List;

/** A read position over the tokens of one statement, with the small vocabulary the readers share. */
final class Cursor {

    private final String sql;
    private final List<Token> tokens;
    private final int end;
    private int pos;

    Cursor(String sql, List<Token> tokens) {
        this(sql, tokens, 0, tokens.size());
    }

    private Cursor(String sql, List<Token> tokens, int from, int end) {
        this.sql = sql;
        this.tokens = tokens;
        this.pos = from;
        this.end = end;
    }

    /** An independent cursor at the same position. */
    Cursor copy() {
        return new Cursor(sql, tokens, pos, end);
    }

    boolean done() {
        return pos >= end;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < end ? tokens.get(i) : null;
    }

    Token next() {
        return pos < end ? tokens.get(pos++) : null;
    }

    int position() {
        return pos;
    }

    /** True when the next tokens are these keywords (case-insensitive), without consuming them. */
    boolean at(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** {@code SET (} : storage parameters. */
    boolean atSetGroup() {
        Token a = peek();
        Token b = peek(1);
        return a != null && a.is("SET") && b != null && b.isSymbol("(");
    }

    boolean atSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the keywords when they are next. */
    boolean accept(String... words) {
        if (!at(words)) {
            return false;
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (!atSymbol(symbol)) {
            return false;
        }
        pos++;
        return true;
    }

    /** Reads {@code a}, {@code s.a}, {@code "S"."A"}; null when no name is next. */
    TableRef tableRef() {
        List<String> parts = qualifiedName();
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() >= 2 ? new TableRef(parts.get(parts.size() - 2), parts.get(parts.size() - 1)) : TableRef.of(parts.get(0));
    }

    /** Reads one (possibly quoted) identifier, normalized; null when none is next. */
    String identifier() {
        Token t = peek();
        if (t == null || !t.isName()) {
            return null;
        }
        pos++;
        char escape = '\\';
        if (t.kind() == Token.Kind.QUOTED && t.text().charAt(0) != '"' && at("UESCAPE") && peek(1) != null
                && peek(1).kind() == Token.Kind.STRING && peek(1).text().length() == 3) {
            escape = peek(1).text().charAt(1); // U&"..." UESCAPE '!'
            pos += 2;
        }
        return Identifiers.normalize(t.text(), escape);
    }

    List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        String first = identifier();
        if (first == null) {
            return parts;
        }
        parts.add(first);
        while (atSymbol(".") && peek(1) != null && peek(1).isName()) {
            pos++;
            parts.add(identifier());
        }
        return parts;
    }

    /** Names separated by commas: {@code a, s.b, "C"}. */
    List<TableRef> tableRefs() {
        List<TableRef> refs = new ArrayList<>();
        do {
            accept("ONLY");
            TableRef ref = tableRef();
            if (ref == null) {
                break;
            }
            refs.add(ref);
            acceptSymbol("*");
        } while (acceptSymbol(","));
        return refs;
    }

    /** When a '(' is next: consumes the balanced group and returns a cursor over its inside; else null. */
    Cursor group() {
        if (!atSymbol("(")) {
            return null;
        }
        int open = pos;
        int depth = 0;
        for (int i = pos; i < end; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    pos = i + 1;
                    return new Cursor(sql, tokens, open + 1, i);
                }
            }
        }
        pos = end;
        return new Cursor(sql, tokens, open + 1, end);
    }

    /** Splits the remaining tokens at top-level commas. */
    List<Cursor> splitCommas() {
        List<Cursor> parts = new ArrayList<>();
        int depth = 0;
        int from = pos;
        for (int i = pos; i < end; i++) {
            Token t = tokens.get(i);
            int change = nesting(t);
            depth += change;
            if (change == 0 && depth == 0 && t.isSymbol(",")) {
                parts.add(new Cursor(sql, tokens, from, i));
                from = i + 1;
            }
        }
        if (from < end) {
            parts.add(new Cursor(sql, tokens, from, end));
        }
        pos = end;
        return parts;
    }

    /** Consumes tokens up to (not including) the first top-level keyword of {@code stops}, returning their source text. */
    String rawUntil(String... stops) {
        int from = pos;
        int depth = 0;
        while (pos < end) {
            Token t = tokens.get(pos);
            int change = nesting(t);
            depth += change;
            if (change == 0 && depth == 0) {
                for (String stop : stops) {
                    if (t.is(stop)) {
                        return text(from, pos);
                    }
                }
            }
            pos++;
        }
        return text(from, pos);
    }

    /** The rest as source text. */
    String rest() {
        String s = text(pos, end);
        pos = end;
        return s;
    }

    /** True when a keyword occurs at the top level of the remaining tokens (not inside parentheses). */
    boolean containsTopLevel(String keyword) {
        int depth = 0;
        for (int i = pos; i < end; i++) {
            Token t = tokens.get(i);
            int change = nesting(t);
            depth += change;
            if (change == 0 && depth == 0 && t.is(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** +1 for an opening parenthesis or bracket, -1 for a closing one, 0 otherwise. */
    private static int nesting(Token t) {
        if (t.isSymbol("(") || t.isSymbol("[")) {
            return 1;
        }
        return t.isSymbol(")") || t.isSymbol("]") ? -1 : 0;
    }

    /** True when a keyword occurs anywhere in the remaining tokens. */
    boolean contains(String keyword) {
        for (int i = pos; i < end; i++) {
            if (tokens.get(i).is(keyword)) {
                return true;
            }
        }
        return false;
    }

    private String text(int fromToken, int toToken) {
        if (fromToken >= toToken) {
            return "";
        }
        Token last = tokens.get(toToken - 1);
        return sql.substring(tokens.get(fromToken).offset(), last.offset() + last.text().length()).trim();
    }
}
