package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.AnalyzedStatement.Via;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one statement into {@link Operation}s, through two readers.
 *
 * <p>Our token reader ({@link KeywordReader}) models the statements rules care about: JSqlParser's object model
 * loses exactly the details they need (CONCURRENTLY, NOT VALID, USING INDEX, constraint names, identity/generated
 * kinds) and cannot parse several of them at all (REINDEX, VACUUM, CLUSTER, LOCK ... MODE, SET x TO, USING INDEX
 * constraints). JSqlParser (PostgreSQL dialect, driven on the calling thread) is consulted where it adds information:
 * to decide whether a statement the token reader does not model is valid SQL ({@link Operation.Other}) or not
 * understood ({@link Operation.Unparsed}), to validate queries, and to find the tables a view reads. Parsing every
 * DDL statement with it as well would cost 0.1-0.6 ms per statement (measured) and add nothing the rules use.
 * {@link Via} records which reader understood the statement. Thread-safe; never throws.
 */
public final class StatementAnalyzer {

    public Analysis analyze(String sql) {
        return analyze(sql, true);
    }

    /** @param standardConformingStrings false when the script turned it off before this statement */
    public Analysis analyze(String sql, boolean standardConformingStrings) {
        return analyze(sql, standardConformingStrings, 0);
    }

    /** {@code depth}: how many DO bodies / EXECUTE strings this statement is nested in (bounded, against hostile input). */
    Analysis analyze(String sql, boolean standardConformingStrings, int depth) {
        List<Operation> ops;
        try {
            ops = KeywordReader.read(sql, standardConformingStrings);
            if (ops.size() == 1 && ops.get(0) instanceof Operation.Other o && o.kind().equals("DO")) {
                return new Analysis(DoBlocks.operations(this, sql, standardConformingStrings, depth), Via.KEYWORDS);
            }
        } catch (RuntimeException e) {
            ops = List.of(); // a reader bug must not stop the lint: fall through to JSqlParser's verdict
        }
        if (!ops.isEmpty() && (!needsParser(ops) || PlainQuery.certainlyValid(sql, standardConformingStrings))) {
            return new Analysis(ops, Via.KEYWORDS);
        }
        boolean parsed = JSqlParserDriver.parse(sql).isPresent();
        if (!ops.isEmpty() && parsed) {
            return new Analysis(ops, Via.PARSER);
        }
        if (parsed) {
            return new Analysis(List.of(new Operation.Other(leadingKeywords(sql))), Via.PARSER);
        }
        return new Analysis(List.of(new Operation.Unparsed("not understood by JSqlParser nor the keyword reader: "
                + leadingKeywords(sql))), Via.NONE);
    }

    /**
     * What running a function body does: for PL/pgSQL the statements {@link DoBlocks} finds, for SQL each statement of
     * the body; other languages cannot be analyzed (reported as such).
     */
    public List<Operation> functionBody(Operation.CreateFunction function) {
        if (function.body() == null) {
            return List.of(new Operation.Unparsed("function " + function.name() + " is called, but its body is not known"));
        }
        if (function.language().equals("plpgsql")) {
            return DoBlocks.plpgsql(this, function.body(), true, 1);
        }
        if (function.language().equals("sql")) {
            List<Operation> ops = new java.util.ArrayList<>();
            for (var s : io.github.flywayzdm.lint.internal.split.StatementSplitter.split(function.body()).statements()) {
                ops.addAll(analyze(s.executed(), true, 1).operations());
            }
            return ops;
        }
        return List.of(new Operation.Unparsed("function " + function.name() + " in language " + function.language()
                + " is called: what it runs cannot be analyzed"));
    }

    /** Names of functions a statement calls ({@code name(}), looking into dollar-quoted bodies too; normalized. */
    public static java.util.Set<String> calledFunctions(String sql) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        calls(sql, names, 0);
        return names;
    }

    private static void calls(String sql, java.util.Set<String> names, int depth) {
        List<Token> tokens = Lexer.tokens(sql);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isName() && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                names.add(io.github.flywayzdm.lint.internal.model.Identifiers.normalize(t.text()));
            } else if (t.kind() == Token.Kind.DOLLAR_BODY && depth < 4) {
                String body = Constants.value(t);
                if (body != null) {
                    calls(body, names, depth + 1);
                }
            }
        }
    }

    /**
     * Queries must parse (a SELECT JSqlParser rejects is more likely a typo than harmless), unless {@link PlainQuery}
     * knows JSqlParser would accept them. A view is read by the token reader, which asks JSqlParser for its sources
     * (only when a rule reads them) and falls back to its own FROM/JOIN reading when JSqlParser rejects the query: one
     * parser's gap must not leave the statement unchecked.
     */
    private static boolean needsParser(List<Operation> ops) {
        return ops.size() == 1 && ops.get(0) instanceof Operation.Other o
                && (o.kind().equals("SELECT") || o.kind().equals("VALUES") || o.kind().equals("TABLE") || o.kind().equals("WITH"));
    }

    static String leadingKeywords(String sql) {
        List<Token> tokens = Lexer.tokens(sql);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, tokens.size()) && tokens.get(i).kind() == Token.Kind.WORD; i++) {
            b.append(b.length() == 0 ? "" : " ").append(tokens.get(i).text().toUpperCase(Locale.ROOT));
        }
        return b.length() == 0 ? Optional.ofNullable(tokens.isEmpty() ? null : tokens.get(0).text()).orElse("(empty)") : b.toString();
    }
}
