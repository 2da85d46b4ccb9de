package io.github.flywayzdm.lint.internal.split;

import java.util.List;

/**
 * One statement of a script, positioned in the original file. Holds no text of its own: its texts are cut from the
 * script's on each call, so a script of many statements keeps one copy of its text, not two (a 50 MB migration of
 * one-line INSERTs kept 50 MB of statement copies besides the file).
 */
public final class SqlStatement {

    private final String original;
    private final String executedScript;
    private final int offset;
    private final int originalEnd;
    private final int executedBegin;
    private final int executedEnd;
    private final int line;
    private final int column;
    private final int endLine;
    private final List<SqlComment> leadingComments;
    private final boolean standardConformingStrings;

    /**
     * @param original       the script's text in the file; the statement is {@code [offset, originalEnd)} of it
     * @param executedScript what Flyway's parser reads (placeholders substituted, byte-order marks removed); the
     *                       statement is {@code [executedBegin, executedEnd)} of it
     */
    SqlStatement(String original, int offset, int originalEnd, String executedScript, int executedBegin, int executedEnd,
                 int line, int column, int endLine, List<SqlComment> leadingComments, boolean standardConformingStrings) {
        this.original = original;
        this.offset = offset;
        this.originalEnd = originalEnd;
        this.executedScript = executedScript;
        this.executedBegin = executedBegin;
        this.executedEnd = executedEnd;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.leadingComments = leadingComments.isEmpty() ? List.of() : List.copyOf(leadingComments);
        this.standardConformingStrings = standardConformingStrings;
    }

    /** The text in the file, from its first token to before the terminating ';', trailing blanks trimmed (placeholders as written). */
    public String sql() {
        return original.substring(offset, originalEnd);
    }

    /** What Flyway sends: placeholders substituted, byte-order marks removed. */
    public String executed() {
        return executedScript.substring(executedBegin, executedEnd);
    }

    /** Whether its text in the file contains {@code needle}, without cutting a copy of it. */
    public boolean contains(String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        char first = needle.charAt(0);
        // bounded by the statement: indexOf would run on through the rest of the script when the needle is absent
        for (int i = offset, last = originalEnd - needle.length(); i <= last; i++) {
            if (original.charAt(i) == first && original.startsWith(needle, i)) {
                return true;
            }
        }
        return false;
    }

    /** Char offset of its first token in the file. */
    public int offset() {
        return offset;
    }

    /** 1-based line of its first token. */
    public int line() {
        return line;
    }

    /** 1-based column of its first token. */
    public int column() {
        return column;
    }

    /** Line of its last character (for COPY ... FROM STDIN, of the data's end marker). */
    public int endLine() {
        return endLine;
    }

    /** Comments between the previous statement and this one (suppressions live there). */
    public List<SqlComment> leadingComments() {
        return leadingComments;
    }

    /** False while the script has set standard_conforming_strings off: '...' strings then take backslash escapes. */
    public boolean standardConformingStrings() {
        return standardConformingStrings;
    }

    @Override
    public String toString() {
        return line + ": " + sql();
    }
}
