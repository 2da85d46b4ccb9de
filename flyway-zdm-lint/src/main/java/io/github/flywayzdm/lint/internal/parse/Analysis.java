package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.List;

/** What {@link StatementAnalyzer} understood of one statement, and through which path. */
public record Analysis(List<Operation> operations, AnalyzedStatement.Via via) {

    public Analysis {
        operations = List.copyOf(operations);
    }
}
