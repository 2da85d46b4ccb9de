package io.github.flywayzdm.lint.internal.split;

import java.util.List;

/**
 * One statement of a script, positioned in the original file.
 *
 * @param sql             the text in the file, from its first token to before the terminating ';', trailing blanks
 *                        trimmed (placeholders as written)
 * @param offset          char offset of its first token in the file
 * @param line            1-based line of its first token
 * @param column          1-based column of its first token
 * @param endLine         line of its last character (for COPY ... FROM STDIN, of the data's end marker)
 * @param leadingComments comments between the previous statement and this one (suppressions live there)
 * @param executed        what Flyway sends: placeholders substituted, byte-order marks removed
 * @param standardConformingStrings false while the script has set standard_conforming_strings off: '...' strings then
 *                        take backslash escapes
 */
public record SqlStatement(String sql, int offset, int line, int column, int endLine, List<SqlComment> leadingComments,
                           String executed, boolean standardConformingStrings) {

    public SqlStatement {
        leadingComments = List.copyOf(leadingComments);
    }

    public SqlStatement(String sql, int offset, int line, int column, int endLine, List<SqlComment> leadingComments) {
        this(sql, offset, line, column, endLine, leadingComments, sql, true);
    }
}
