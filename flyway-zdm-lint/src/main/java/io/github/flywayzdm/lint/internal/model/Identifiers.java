package io.github.flywayzdm.lint.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** PostgreSQL identifier folding and quoting. */
public final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Identifiers() {
    }

    /** Longest identifier in bytes: NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    /**
     * The name PostgreSQL stores: {@code Foo} → {@code foo} (only A-Z fold: the server leaves {@code Ä} alone in UTF-8),
     * {@code "Foo"} → {@code Foo}, {@code "a""b"} → {@code a"b}, {@code U&"d\0061ta"} → {@code data}; cut to 63 bytes
     * of UTF-8 at a character boundary, as the server truncates longer names.
     */
    public static String normalize(String identifier) {
        return normalize(identifier, '\\');
    }

    /** @param escape the UESCAPE character of a {@code U&"..."} identifier */
    public static String normalize(String identifier, char escape) {
        return truncate(unquoted(identifier, escape));
    }

    /** The name as written, unquoted and folded but not truncated: what {@link #normalize} cuts to 63 bytes. */
    public static String unquoted(String identifier, char escape) {
        String s = identifier.trim();
        String name;
        if (s.length() >= 4 && (s.charAt(0) == 'U' || s.charAt(0) == 'u') && s.charAt(1) == '&' && s.charAt(2) == '"' && s.endsWith("\"")) {
            name = unicodeEscapes(s.substring(3, s.length() - 1).replace("\"\"", "\""), escape);
        } else if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            name = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        } else {
            name = foldAscii(s);
        }
        return name;
    }

    private static String foldAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Cuts to {@link #MAX_BYTES} bytes of UTF-8 without splitting a character. */
    static String truncate(String name) {
        if (name.length() * 3 <= MAX_BYTES) {
            return name;
        }
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > MAX_BYTES) {
                return name.substring(0, i);
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return name;
    }

    /** {@code \XXXX}, {@code \+XXXXXX} and a doubled escape character, as in U&"..." (invalid escapes are kept as written). */
    private static String unicodeEscapes(String s, char escape) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != escape || i + 1 >= s.length()) {
                out.append(c);
            } else if (s.charAt(i + 1) == escape) {
                out.append(escape);
                i++;
            } else {
                int digits = s.charAt(i + 1) == '+' ? 6 : 4;
                int from = i + 1 + (digits == 6 ? 1 : 0);
                if (from + digits <= s.length() && s.substring(from, from + digits).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                    out.appendCodePoint(Integer.parseInt(s.substring(from, from + digits), 16));
                    i = from + digits - 1;
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** Splits {@code a."B c".d} into normalized parts, respecting quotes. */
    public static List<String> splitQualified(String qualified) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String s = qualified.trim();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == '.' && !quoted) {
                parts.add(normalize(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            parts.add(normalize(current.toString()));
        }
        return parts;
    }

    /** Quotes an already-normalized identifier when PostgreSQL would need it. */
    public static String quoteIfNeeded(String name) {
        return PLAIN.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
