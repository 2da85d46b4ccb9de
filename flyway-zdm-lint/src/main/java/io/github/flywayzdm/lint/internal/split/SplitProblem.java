package io.github.flywayzdm.lint.internal.split;

/** Something the splitter could not close, e.g. an unterminated string; the rest of the script became one statement. */
public record SplitProblem(int line, int column, String message) {
}
