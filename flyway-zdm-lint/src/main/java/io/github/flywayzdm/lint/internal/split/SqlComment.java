package io.github.flywayzdm.lint.internal.split;

/**
 * A comment of the script.
 *
 * @param text   the comment including its markers ({@code --} or {@code /* *\/})
 * @param offset char offset in the script
 * @param line   1-based line
 * @param column 1-based column
 * @param block  true for a block comment
 */
public record SqlComment(String text, int offset, int line, int column, boolean block) {

    /** The comment's content without its markers, trimmed. */
    public String body() {
        String s = block ? text.substring(2, Math.max(2, text.length() - 2)) : text.substring(2);
        return s.strip();
    }
}
