package io.github.flywayzdm.lint.internal.parse;

import io.github.flywayzdm.lint.internal.model.Identifiers;

/** The value of a constant token: a string (all forms the lexer reads) or a dollar-quoted body. */
final class Constants {

    private Constants() {
    }

    /** The text a STRING or DOLLAR_BODY token stands for; null for any other token or an unterminated one. */
    static String value(Token t) {
        if (t.kind() == Token.Kind.DOLLAR_BODY) {
            String text = t.text();
            int tagEnd = text.indexOf('$', 1);
            if (tagEnd < 0) {
                return null;
            }
            String tag = text.substring(0, tagEnd + 1);
            return text.length() >= 2 * tag.length() && text.endsWith(tag) ? text.substring(tag.length(), text.length() - tag.length()) : null;
        }
        if (t.kind() != Token.Kind.STRING) {
            return null;
        }
        String text = t.text();
        char p = Character.toUpperCase(text.charAt(0));
        boolean escapes = p == 'E';
        int open = text.indexOf('\'');
        if (p == 'B' || p == 'X' || p == 'U') {
            return null; // bit strings and U& strings are no SQL text worth analyzing
        }
        return decode(text, open, escapes);
    }

    /** Joins the segments of a (possibly continued) string, undoing '' and, for E strings, backslash escapes. */
    private static String decode(String text, int open, boolean escapes) {
        StringBuilder out = new StringBuilder(text.length());
        int i = open + 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (escapes && c == '\\' && i + 1 < n) {
                char e = text.charAt(i + 1);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> e;
                });
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < n && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                } else {
                    // end of a segment: a continuation resumes at the next quote
                    int next = text.indexOf('\'', i + 1);
                    if (next < 0) {
                        return out.toString();
                    }
                    i = next + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return null; // unterminated
    }

    /** A name written as an identifier or a string ({@code LANGUAGE plpgsql} / {@code 'plpgsql'}), normalized. */
    static String name(String text) {
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("''", "'").toLowerCase(java.util.Locale.ROOT);
        }
        return Identifiers.normalize(text);
    }
}
