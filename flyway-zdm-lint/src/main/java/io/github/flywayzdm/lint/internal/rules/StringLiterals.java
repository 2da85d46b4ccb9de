package io.github.flywayzdm.lint.internal.rules;

import java.util.regex.Pattern;

/** The string literals of an expression's text, which cannot call functions. */
final class StringLiterals {

    /** Compiled once: {@code String.replaceAll} compiles its pattern at every call, once per judged DEFAULT. */
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private StringLiterals() {
    }

    /** {@code expression} with each {@code '...'} literal written as {@code ''}. */
    static String blanked(String expression) {
        return expression.indexOf('\'') < 0 ? expression : LITERAL.matcher(expression).replaceAll("''");
    }
}
