package io.github.flywayzdm.callbacks.internal;

import io.github.flywayzdm.lint.SqlCode;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap keyword checks on migration SQL that need no parser. They read the linter's {@link SqlCode} (comments gone,
 * literals and quoted names replaced), not the raw text, so a keyword in a comment or a string never counts.
 */
public final class SqlText {

    private final String code;

    private static final Pattern CONCURRENTLY = Pattern.compile("\\bconcurrently\\b");
    private static final Pattern NEEDS_NO_TRANSACTION_BUT_UNDETECTED = Pattern.compile(
            "\\breindex\\b[^;]*\\bconcurrently\\b|\\bdetach\\s+partition\\b[^;]*\\bconcurrently\\b");
    private static final Pattern EXECUTE_IN_TRANSACTION_FALSE = Pattern.compile(
            "(?im)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    private SqlText(String sql) {
        this.code = SqlCode.of(sql);
    }

    /** Reads the script once; every check below works on that reading. */
    public static SqlText of(String sql) {
        return new SqlText(sql);
    }

    private static final Pattern CHANGED_TABLE = Pattern.compile("(?i)\\b(?:alter\\s+table(?:\\s+only)?(?:\\s+if\\s+exists)?"
            + "|create\\s+(?:unique\\s+)?index(?:\\s+concurrently)?(?:\\s+if\\s+not\\s+exists)?(?:\\s+(?!on\\b)[\\w$]+)?\\s+on(?:\\s+only)?"
            + "|update|insert\\s+into|delete\\s+from)\\s+([a-z_][\\w$]*(?:\\s*\\.\\s*[a-z_][\\w$]*)?)");

    /** Unquoted names of tables the script alters, indexes or writes to (for the optional ANALYZE afterwards). */
    public Set<String> changedTables() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CHANGED_TABLE.matcher(code);
        while (m.find()) {
            out.add(m.group(1).replace(" ", ""));
        }
        return out;
    }

    private static final Pattern NAMED_INDEX = Pattern.compile("\\b(?:create\\s+(?:unique\\s+)?index(?:\\s+concurrently)?"
            + "(?:\\s+if\\s+not\\s+exists)?|reindex(?:\\s+\\([^)]*\\))?\\s+index(?:\\s+concurrently)?)\\s+(?!on\\b)"
            + "([a-z_][\\w$]*(?:\\s*\\.\\s*[a-z_][\\w$]*)?)");

    /** Unquoted names of the indexes the script creates or reindexes (to check they are valid afterwards). */
    public Set<String> namedIndexes() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAMED_INDEX.matcher(code);
        while (m.find()) {
            out.add(m.group(1).replace(" ", ""));
        }
        return out;
    }

    public boolean usesConcurrently() {
        return CONCURRENTLY.matcher(code).find();
    }

    /** REINDEX ... CONCURRENTLY and DETACH PARTITION ... CONCURRENTLY: Flyway does not run them outside a transaction by itself. */
    public boolean usesUndetectedConcurrently() {
        return NEEDS_NO_TRANSACTION_BUT_UNDETECTED.matcher(code).find();
    }

    public static boolean sidecarDisablesTransaction(String sidecar) {
        return sidecar != null && EXECUTE_IN_TRANSACTION_FALSE.matcher(sidecar).find();
    }
}
