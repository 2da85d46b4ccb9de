package io.github.flywayzdm.lint.internal.model;

import io.github.flywayzdm.lint.internal.split.SqlStatement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement of a script after splitting, placeholder substitution and analysis.
 *
 * @param source     the statement as split from the original file (positions refer to the file)
 * @param operations what it does; never empty (an unknown statement is a single {@link Operation.Unparsed})
 * @param via        which path understood it
 */
public record AnalyzedStatement(SqlStatement source, List<Operation> operations, Via via) {

    public enum Via { PARSER, KEYWORDS, NONE }

    public AnalyzedStatement {
        operations = List.copyOf(operations);
    }

    /**
     * The statement after placeholder substitution (what was analyzed), cut from the script's text on each call: a
     * script's statements keep no copies of its text.
     */
    public String sql() {
        return source.executed();
    }

    public boolean unparsed() {
        return via == Via.NONE;
    }

    /** All operations of one type. A loop, not a stream: every rule asks this of every statement. */
    public <T extends Operation> List<T> all(Class<T> type) {
        List<T> out = null;
        for (Operation op : operations) {
            if (type.isInstance(op)) {
                if (out == null) {
                    out = new ArrayList<>(operations.size());
                }
                out.add(type.cast(op));
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }
}
