package io.github.flywayzdm.lint;

import io.github.flywayzdm.lint.internal.parse.CodeWords;

/**
 * A SQL text reduced to what PostgreSQL executes, for keyword searches by adapters that must not grow a tokenizer of
 * their own: lower-case words, numbers and symbols separated by single spaces, with comments gone and literals and
 * quoted identifiers replaced by {@code '?'} and {@code "?"} (so {@code -- CONCURRENTLY}, {@code 'set'} or
 * {@code "Concurrently"} never match, and a quoted name never passes for an unquoted one). It uses the linter's own
 * lexer, so E'...' escapes, nested block comments and dollar quotes are read the same way as when linting.
 */
public final class SqlCode {

    private SqlCode() {
    }

    /** Dollar-quoted bodies (function and DO bodies) are replaced by {@code $?$}: they are not the script's statements. */
    public static String of(String sql) {
        return CodeWords.of(sql, false);
    }

    /** Dollar-quoted bodies are kept, reduced the same way between {@code $$ ... $$}: what a DO block may run. */
    public static String withBodies(String sql) {
        return CodeWords.of(sql, true);
    }
}
