package io.github.flywayzdm.lint.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** PostgreSQL identifier folding and quoting. */
public final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Identifiers() {
    }

    /** {@code Foo} → {@code foo}; {@code "Foo"} → {@code Foo}; {@code "a""b"} → {@code a"b}. */
    public static String normalize(String identifier) {
        String s = identifier.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
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
