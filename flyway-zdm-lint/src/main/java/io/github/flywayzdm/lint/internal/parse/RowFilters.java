package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.RowFilter;

import java.util.ArrayList;
import java.util.List;

/** Reads what the WHERE clause of an UPDATE/DELETE pins down, for the batching rule. */
final class RowFilters {

    /** {@code IN (...)} lists longer than this are not "a few rows". */
    static final int MAX_IN_LIST = 100;

    /** A LIMIT above this is not a bounded batch. */
    static final long MAX_LIMIT = 10_000;

    private RowFilters() {
    }

    /** Cursor after the target table; {@code tokens} the whole statement (for LIMIT inside subqueries and CTEs). */
    static RowFilter read(Cursor c, List<Token> tokens) {
        Cursor where = null;
        while (!c.done()) {
            if (c.accept("WHERE")) {
                where = c;
                break;
            }
            if (c.group() == null) {
                c.next();
            }
        }
        if (where == null) {
            return RowFilter.NONE;
        }
        return new RowFilter(true, pinned(where), limited(tokens));
    }

    /** Columns fixed by top-level AND conjuncts {@code col = literal} / {@code col IN (literals)}; empty after a top-level OR. */
    private static List<String> pinned(Cursor c) {
        List<String> pinned = new ArrayList<>();
        while (!c.done()) {
            if (c.at("RETURNING")) {
                break;
            }
            pinned.addAll(conjunct(c));
            // skip to the next top-level AND
            while (!c.done() && !c.at("AND") && !c.at("RETURNING")) {
                if (c.at("OR")) {
                    return List.of();
                }
                if (c.group() == null) {
                    c.next();
                }
            }
            c.accept("AND");
        }
        return pinned;
    }

    /** One conjunct: the columns it pins (none when it is anything else). Consumes what it recognizes. */
    private static List<String> conjunct(Cursor c) {
        if (c.atSymbol("(")) { // (id = 42), (tenant = 1 AND code = 'a'): the group's own conjunction
            Cursor inner = c.group();
            return ends(c) ? pinned(inner) : List.of();
        }
        String column = column(c);
        return column == null ? List.of() : List.of(column);
    }

    /** {@code col = literal}, {@code literal = col}, {@code col IN (literals)}, {@code col = ANY (ARRAY[literals])}. */
    private static String column(Cursor c) {
        List<String> name = c.qualifiedName();
        if (name.isEmpty()) {
            if (literal(c)) { // 42 = id
                if (c.acceptSymbol("=")) {
                    List<String> right = c.qualifiedName();
                    return right.isEmpty() || !ends(c) ? null : right.get(right.size() - 1);
                }
            }
            return null;
        }
        String column = name.get(name.size() - 1);
        if (c.acceptSymbol("=")) {
            if (c.accept("ANY")) {
                Cursor array = c.group();
                return array != null && shortArray(array) && ends(c) ? column : null;
            }
            return literal(c) && ends(c) ? column : null;
        }
        if (c.accept("IN")) {
            Cursor list = c.group();
            if (list == null) {
                return null;
            }
            return literals(list.splitCommas()) && ends(c) ? column : null;
        }
        return null;
    }

    /** At most {@link #MAX_IN_LIST} literals, each a whole item. */
    private static boolean literals(List<Cursor> items) {
        if (items.isEmpty() || items.size() > MAX_IN_LIST) {
            return false;
        }
        for (Cursor item : items) {
            if (!literal(item) || !item.done()) {
                return false;
            }
        }
        return true;
    }

    /** {@code ARRAY[1, 2, 3]} (optionally cast) or a short array literal {@code '{1,2,3}'::bigint[]}. */
    private static boolean shortArray(Cursor c) {
        if (c.accept("ARRAY")) {
            if (!c.acceptSymbol("[")) {
                return false;
            }
            List<Cursor> items = new ArrayList<>();
            while (!c.done() && !c.atSymbol("]")) {
                if (!literal(c)) {
                    return false;
                }
                items.add(c);
                if (!c.acceptSymbol(",")) {
                    break;
                }
            }
            if (!c.acceptSymbol("]") || items.isEmpty() || items.size() > MAX_IN_LIST) {
                return false;
            }
            skipCasts(c);
            return c.done();
        }
        Token t = c.peek();
        if (t == null || t.kind() != Token.Kind.STRING || t.text().chars().filter(ch -> ch == ',').count() >= MAX_IN_LIST) {
            return false;
        }
        return literal(c) && c.done();
    }

    /** A constant: number, string, parameter, TRUE/FALSE, optionally signed and cast ({@code '..'::uuid}). */
    private static boolean literal(Cursor c) {
        c.acceptSymbol("-");
        Token t = c.peek();
        if (t == null) {
            return false;
        }
        boolean ok = t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.PARAM
                || t.is("TRUE") || t.is("FALSE");
        if (!ok) {
            return false;
        }
        c.next();
        skipCasts(c);
        return true;
    }

    /** {@code ::uuid}, {@code ::public.code}, {@code ::varchar(10)[]}. */
    private static void skipCasts(Cursor c) {
        while (c.acceptSymbol("::")) {
            c.qualifiedName();
            c.group();
            while (c.acceptSymbol("[")) {
                c.acceptSymbol("]");
            }
        }
    }

    private static boolean ends(Cursor c) {
        return c.done() || c.at("AND") || c.at("RETURNING") || c.at("OR");
    }

    /** Some subquery or CTE of the statement is bounded by {@code LIMIT n} with a small n. */
    private static boolean limited(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("LIMIT") && tokens.get(i + 1).kind() == Token.Kind.NUMBER) {
                try {
                    if (Long.parseLong(tokens.get(i + 1).text()) <= MAX_LIMIT) {
                        return true;
                    }
                } catch (NumberFormatException ignored) {
                    // not an integer: not a bound
                }
            }
        }
        return false;
    }
}
