package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a {@code DO} block runs, for the rules: the static SQL statements of its PL/pgSQL body (in every branch of IF,
 * CASE, loops and exception handlers, and in nested blocks) and the constant strings it EXECUTEs, each analyzed like a
 * statement of the script. What cannot be known without running it (EXECUTE of a computed string, a body in another
 * language) becomes an {@link Operation.Unparsed}, which the unparsed-statement rule reports: never a silent pass.
 * Also used for the bodies of PL/pgSQL functions a migration calls.
 */
final class DoBlocks {

    /** Deeper DO-in-EXECUTE-in-DO nesting is not followed (hostile input must not recurse without end). */
    private static final int MAX_DEPTH = 8;

    /** PL/pgSQL statements that run no SQL of their own (their expressions are at most queries). */
    private static final Set<String> PLPGSQL_ONLY = Set.of("RAISE", "RETURN", "NULL", "EXIT", "CONTINUE", "GET", "OPEN",
            "FETCH", "CLOSE", "MOVE", "ASSERT");

    private DoBlocks() {
    }

    /** The operations of a {@code DO [LANGUAGE l] body} statement. */
    static List<Operation> operations(StatementAnalyzer analyzer, String sql, boolean scs, int depth) {
        List<Token> tokens = Lexer.tokens(sql, scs);
        String language = "plpgsql";
        String body = null;
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("LANGUAGE") && i + 1 < tokens.size()) {
                language = Constants.name(tokens.get(++i).text());
            } else if (body == null) {
                body = Constants.value(t);
            }
        }
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.Other("DO"));
        if (body == null) {
            ops.add(new Operation.Unparsed("DO block whose body is not a constant string"));
        } else if (!language.equals("plpgsql")) {
            ops.add(new Operation.Unparsed("DO block in language " + language + ": its statements cannot be analyzed"));
        } else {
            ops.addAll(plpgsql(analyzer, body, scs, depth + 1));
        }
        return ops;
    }

    /** The operations of the SQL statements a PL/pgSQL block runs. */
    static List<Operation> plpgsql(StatementAnalyzer analyzer, String body, boolean scs, int depth) {
        List<Operation> ops = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            ops.add(new Operation.Unparsed("DO blocks nested more than " + MAX_DEPTH + " deep are not analyzed"));
            return ops;
        }
        List<Token> tokens = Lexer.tokens(body, scs);
        boolean declaring = false;
        int from = 0;
        int parens = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null && (t.isSymbol("(") || t.isSymbol("["))) {
                parens++;
            } else if (t != null && (t.isSymbol(")") || t.isSymbol("]"))) {
                parens--;
            }
            if (t != null && !(t.isSymbol(";") && parens <= 0)) {
                continue;
            }
            // tokens[from, i) is one PL/pgSQL statement, possibly behind control keywords
            int k = from;
            from = i + 1;
            boolean skip = false;
            boolean stripped = true;
            while (stripped && k < i) {
                stripped = false;
                Token a = tokens.get(k);
                if (a.isSymbol("<") && k + 4 < i && tokens.get(k + 1).isSymbol("<") && tokens.get(k + 3).isSymbol(">")) {
                    k += 5; // <<label>>
                    stripped = true;
                } else if (a.is("BEGIN")) {
                    declaring = false;
                    k++;
                    stripped = true;
                } else if (a.is("DECLARE")) {
                    declaring = true;
                    k++;
                    stripped = true;
                } else if (a.is("END")) {
                    skip = true;
                } else if (a.is("IF") || a.is("ELSIF") || a.is("ELSEIF") || a.is("WHEN")) {
                    k = after(tokens, k + 1, i, "THEN");
                    stripped = true;
                } else if (a.is("EXCEPTION") || a.is("ELSE") || a.is("LOOP")) {
                    k++;
                    stripped = true;
                } else if (a.is("CASE")) {
                    k++;
                    if (k < i && !tokens.get(k).is("WHEN")) {
                        k = at(tokens, k, i, "WHEN");
                    }
                    stripped = true;
                } else if (a.is("WHILE") || a.is("FOR") || a.is("FOREACH")) {
                    k = after(tokens, k + 1, i, "LOOP");
                    stripped = true;
                }
            }
            if (skip || k >= i || declaring) {
                continue;
            }
            statement(analyzer, body, tokens, k, i, scs, depth, ops);
        }
        return ops;
    }

    private static void statement(StatementAnalyzer analyzer, String body, List<Token> tokens, int from, int to, boolean scs,
                                  int depth, List<Operation> ops) {
        Token first = tokens.get(from);
        Token second = from + 1 < to ? tokens.get(from + 1) : null;
        if (first.kind() == Token.Kind.WORD && PLPGSQL_ONLY.contains(first.upper())) {
            return;
        }
        if (second != null && (second.isSymbol(":") || (second.isSymbol("=") && first.isName()))) {
            return; // assignment: x := expr
        }
        if (first.is("EXECUTE")) {
            Token command = second;
            boolean constant = command != null && Constants.value(command) != null
                    && (from + 2 >= to || tokens.get(from + 2).is("INTO") || tokens.get(from + 2).is("USING"));
            if (!constant) {
                ops.add(new Operation.Unparsed("DO block runs dynamic SQL that cannot be analyzed before it runs: "
                        + excerpt(text(body, tokens, from, to))));
                return;
            }
            String sql = Constants.value(command);
            for (io.github.flywayzdm.lint.internal.split.SqlStatement s
                    : io.github.flywayzdm.lint.internal.split.StatementSplitter.split(sql).statements()) {
                ops.addAll(analyzer.analyze(s.executed(), scs, depth + 1).operations());
            }
            return;
        }
        String sql = text(body, tokens, from, to);
        if (first.is("PERFORM")) {
            sql = "SELECT " + text(body, tokens, from + 1, to);
        }
        ops.addAll(analyzer.analyze(sql, scs, depth + 1).operations());
    }

    /** Index after the first top-level {@code word} in [from, to) (CASE ... END skipped); {@code to} when none. */
    private static int after(List<Token> tokens, int from, int to, String word) {
        int at = at(tokens, from, to, word);
        return at < to ? at + 1 : to;
    }

    private static int at(List<Token> tokens, int from, int to, String word) {
        int parens = 0;
        int cases = 0;
        for (int j = from; j < to; j++) {
            Token t = tokens.get(j);
            if (t.isSymbol("(")) {
                parens++;
            } else if (t.isSymbol(")")) {
                parens--;
            } else if (parens == 0 && t.is("CASE")) {
                cases++;
            } else if (parens == 0 && cases > 0 && t.is("END")) {
                cases--;
            } else if (parens == 0 && cases == 0 && t.is(word)) {
                return j;
            }
        }
        return to;
    }

    private static String text(String body, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return "";
        }
        Token last = tokens.get(to - 1);
        return body.substring(tokens.get(from).offset(), last.offset() + last.text().length());
    }

    private static String excerpt(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + " …" : one;
    }
}
