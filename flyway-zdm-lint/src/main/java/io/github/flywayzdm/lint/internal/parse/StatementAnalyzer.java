package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.AnalyzedStatement.Via;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one statement into {@link Operation}s. Each statement goes through JSqlParser (PostgreSQL dialect) and
 * through our own token reader. The token reader builds the operations for the statements rules care about,
 * because JSqlParser's model loses exactly the details they need (CONCURRENTLY, NOT VALID, USING INDEX, constraint
 * names, identity/generated kinds) and cannot parse several of them at all (REINDEX, VACUUM, CLUSTER, LOCK ... MODE,
 * SET x TO, USING INDEX constraints). JSqlParser decides whether a statement the reader does not model is valid SQL
 * ({@link Operation.Other}) or not understood ({@link Operation.Unparsed}), and finds the tables of view queries.
 * {@link Via} records whether JSqlParser parsed the statement (PARSER) or only the token reader understood it
 * (KEYWORDS). Thread-safe; never throws.
 */
public final class StatementAnalyzer {

    public Analysis analyze(String sql) {
        boolean parsed = JSqlParserDriver.parse(sql).isPresent();
        List<Operation> ops;
        try {
            ops = KeywordReader.read(sql);
        } catch (RuntimeException e) {
            ops = List.of(); // a reader bug must not stop the lint: fall through to JSqlParser's verdict
        }
        if (!ops.isEmpty() && (parsed || !needsParser(ops))) {
            return new Analysis(ops, parsed ? Via.PARSER : Via.KEYWORDS);
        }
        if (parsed) {
            return new Analysis(List.of(new Operation.Other(leadingKeywords(sql))), Via.PARSER);
        }
        return new Analysis(List.of(new Operation.Unparsed("not understood by JSqlParser nor the keyword reader: "
                + leadingKeywords(sql))), Via.NONE);
    }

    /** Queries must parse: a SELECT JSqlParser rejects is more likely a typo than harmless. */
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
