package io.github.flywayzdm.lint.internal.split;

import java.util.List;

/**
 * One statement of a script, positioned in the original file.
 *
 * @param sql             the text from its first token to before the terminating ';', trailing blanks trimmed
 * @param offset          char offset of its first token
 * @param line            1-based line of its first token
 * @param column          1-based column of its first token
 * @param endLine         line of its last character (for COPY ... FROM STDIN, of the data's end marker)
 * @param leadingComments comments between the previous statement and this one (suppressions live there)
 */
public record SqlStatement(String sql, int offset, int line, int column, int endLine, List<SqlComment> leadingComments) {

    public SqlStatement {
        leadingComments = List.copyOf(leadingComments);
    }
}
