package io.github.flywayzdm.lint;

/**
 * Makes text safe for a terminal or a log: control characters that a quoted identifier, a string literal or a file
 * name can carry (ESC starting an ANSI sequence, CR overwriting a line, backspace, C1 controls, bidirectional
 * overrides) are written as visible {@code \u001b}-style escapes. Newlines and tabs stay, so multi-line messages keep
 * their layout. Every text output of flyway-zdm goes through this.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** {@code text} with every control character but {@code \n} and {@code \t} escaped; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
