package io.github.flywayzdm.lint.internal.model;

import io.github.flywayzdm.lint.internal.split.SqlStatement;

import java.util.List;

/**
 * One statement of a script after splitting, placeholder substitution and analysis.
 *
 * @param source     the statement as split from the original file (positions refer to the file)
 * @param sql        the statement after placeholder substitution (what was analyzed)
 * @param operations what it does; never empty (an unknown statement is a single {@link Operation.Unparsed})
 * @param via        which path understood it
 */
public record AnalyzedStatement(SqlStatement source, String sql, List<Operation> operations, Via via) {

    public enum Via { PARSER, KEYWORDS, NONE }

    public AnalyzedStatement {
        operations = List.copyOf(operations);
    }

    public boolean unparsed() {
        return via == Via.NONE;
    }

    /** All operations of one type. */
    public <T extends Operation> List<T> all(Class<T> type) {
        return operations.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
