package io.github.flywayzdm.lint.internal.parse;

import java.util.Locale;

/** The lexer's tokens written back as text for keyword searches; see {@link io.github.flywayzdm.lint.SqlCode}. */
public final class CodeWords {

    private CodeWords() {
    }

    public static String of(String sql, boolean bodies) {
        StringBuilder out = new StringBuilder(sql.length());
        append(out, sql, bodies);
        return out.toString();
    }

    private static void append(StringBuilder out, String sql, boolean bodies) {
        for (Token t : Lexer.tokens(sql)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            switch (t.kind()) {
                case WORD -> out.append(t.text().toLowerCase(Locale.ROOT));
                case NUMBER, SYMBOL -> out.append(t.text());
                case STRING -> out.append("'?'");
                case QUOTED -> out.append("\"?\"");
                case PARAM -> out.append("$?");
                case DOLLAR_BODY -> {
                    String body = inner(t.text());
                    if (bodies && body != null) {
                        out.append("$$");
                        append(out, body, true);
                        out.append(" $$");
                    } else {
                        out.append("$?$");
                    }
                }
            }
        }
    }

    /** The text between a dollar body's opening and closing tags; null when it was never closed. */
    private static String inner(String token) {
        int tagEnd = token.indexOf('$', 1);
        if (tagEnd < 0) {
            return null;
        }
        String tag = token.substring(0, tagEnd + 1);
        if (token.length() < 2 * tag.length() || !token.endsWith(tag)) {
            return null;
        }
        return token.substring(tag.length(), token.length() - tag.length());
    }
}
