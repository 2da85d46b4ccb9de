package io.github.flywayzdm.lint.internal.split;

import java.util.List;

/**
 * @param statements the statements in order
 * @param comments   every comment of the script in order, including those inside statements
 * @param problems   unterminated constructs
 */
public record SplitResult(List<SqlStatement> statements, List<SqlComment> comments, List<SplitProblem> problems) {

    public SplitResult {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
        problems = List.copyOf(problems);
    }
}
