package io.github.flywayzdm.lint.internal.parse;

import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

import java.util.Optional;

/**
 * Drives JSqlParser on the calling thread (its {@code parse(String)} convenience starts a thread per call to
 * enforce a timeout). One statement in, one statement out: a parse that yields more or fewer is treated as a failure,
 * because JSqlParser silently stops at the first statement of {@code "A; B"}.
 */
final class JSqlParserDriver {

    /** Longer statements (generated INSERTs, huge function bodies) go straight to the keyword reader. */
    static final int MAX_LENGTH = 20_000;

    private JSqlParserDriver() {
    }

    /** Deeper nesting makes JSqlParser's recursive descent slow and, eventually, overflow the stack. */
    static final int MAX_NESTING = 100;

    /**
     * The last statement parsed on this thread: a view is parsed for its sources and again for the analyzer's
     * verdict, and a parse costs more than everything else done with the statement.
     */
    private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

    private record Parsed(String sql, Optional<Statement> statement) {
    }

    static Optional<Statement> parse(String sql) {
        Parsed last = LAST.get();
        if (last != null && last.sql().equals(sql)) {
            return last.statement();
        }
        Optional<Statement> result = parseUncached(sql);
        LAST.set(new Parsed(sql, result));
        return result;
    }

    private static Optional<Statement> parseUncached(String sql) {
        if (sql.length() > MAX_LENGTH || nesting(sql) > MAX_NESTING) {
            return Optional.empty();
        }
        Optional<Statement> plain = attempt(sql, false);
        // E'...' strings use backslash escapes, which only this parser mode understands
        return plain.isPresent() || !sql.contains("\\") ? plain : attempt(sql, true);
    }

    private static Optional<Statement> attempt(String sql, boolean backslashEscapes) {
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql)
                    .withDialect(AbstractJSqlParser.Dialect.POSTGRESQL)
                    .withBackslashEscapeCharacter(backslashEscapes);
            Statements statements = parser.Statements();
            return statements != null && statements.size() == 1 ? Optional.of(statements.get(0)) : Optional.empty();
        } catch (StackOverflowError e) {
            return Optional.empty();
        } catch (Exception | Error e) {
            // ParseException, TokenMgrError and the occasional internal failure all mean: not understood here
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            return Optional.empty();
        }
    }

    private static int nesting(String sql) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth--;
            }
        }
        return max;
    }
}
