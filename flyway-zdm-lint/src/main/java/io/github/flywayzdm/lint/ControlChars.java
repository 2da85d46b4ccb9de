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
        // a whole report goes through here: scan an array (charAt of a non-Latin-1 string checks bounds per call,
        // 3% of a short CLI call in interpreted and C1 code)
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < chars.length && !isControl(chars[i])) {
            i++;
        }
        if (i == chars.length) {
            return text;
        }
        StringBuilder sb = new StringBuilder(chars.length + 16).append(chars, 0, i);
        for (; i < chars.length; i++) {
            char c = chars[i];
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
