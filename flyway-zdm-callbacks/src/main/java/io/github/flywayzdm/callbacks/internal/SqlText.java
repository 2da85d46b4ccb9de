package io.github.flywayzdm.callbacks.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cheap text checks on migration SQL that need no parser: comments and literals are blanked first. */
public final class SqlText {

    private static final Pattern CONCURRENTLY = Pattern.compile("\\bconcurrently\\b");
    private static final Pattern NEEDS_NO_TRANSACTION_BUT_UNDETECTED = Pattern.compile(
            "\\breindex\\b[^;]*\\bconcurrently\\b|\\bdetach\\s+partition\\b[^;]*\\bconcurrently\\b");
    private static final Pattern EXECUTE_IN_TRANSACTION_FALSE = Pattern.compile(
            "(?im)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    private SqlText() {
    }

    private static final Pattern CHANGES_SETTINGS = Pattern.compile("\\b(set|reset|set_config)\\b");

    /** True when the script could change session settings (SET, RESET, set_config): they are restored afterwards. */
    public static boolean mayChangeSettings(String sql) {
        return CHANGES_SETTINGS.matcher(code(sql)).find();
    }

    private static final Pattern CHANGED_TABLE = Pattern.compile("(?i)\\b(?:alter\\s+table(?:\\s+only)?(?:\\s+if\\s+exists)?"
            + "|create\\s+(?:unique\\s+)?index(?:\\s+concurrently)?(?:\\s+if\\s+not\\s+exists)?(?:\\s+(?!on\\b)[\\w$]+)?\\s+on(?:\\s+only)?"
            + "|update|insert\\s+into|delete\\s+from)\\s+([a-z_][\\w$]*(?:\\.[a-z_][\\w$]*)?)");

    /** Unquoted names of tables the script alters, indexes or writes to (for the optional ANALYZE afterwards). */
    public static java.util.Set<String> changedTables(String sql) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = CHANGED_TABLE.matcher(code(sql));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public static boolean usesConcurrently(String sql) {
        return CONCURRENTLY.matcher(code(sql)).find();
    }

    /** REINDEX ... CONCURRENTLY and DETACH PARTITION ... CONCURRENTLY: Flyway does not run them outside a transaction by itself. */
    public static boolean usesUndetectedConcurrently(String sql) {
        return NEEDS_NO_TRANSACTION_BUT_UNDETECTED.matcher(code(sql)).find();
    }

    public static boolean sidecarDisablesTransaction(String sidecar) {
        return sidecar != null && EXECUTE_IN_TRANSACTION_FALSE.matcher(sidecar).find();
    }

    /** Lower-cased SQL with comments, string literals, quoted identifiers and dollar-quoted bodies replaced by spaces. */
    static String code(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                i = Math.min(n, end + 1);
                out.append(' ');
            } else if (c == '$') {
                int close = sql.indexOf('$', i + 1);
                String tag = close < 0 ? null : sql.substring(i, close + 1);
                if (tag != null && tag.substring(1, tag.length() - 1).matches("[A-Za-z_0-9]*")) {
                    int end = sql.indexOf(tag, close + 1);
                    i = end < 0 ? n : end + tag.length();
                    out.append(' ');
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
