package io.github.flywayzdm.lint.internal.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a DEFAULT expression the way {@code pg_proc.provolatile} would: since PostgreSQL 11, ADD COLUMN with a
 * non-volatile default only records the value in the catalog, while a volatile one rewrites the table. Unknown
 * functions count as volatile: a false alarm costs a suppression, a missed rewrite costs an outage.
 */
public final class Volatility {

    /** Built-ins that are STABLE or IMMUTABLE: evaluated once for ADD COLUMN. */
    private static final Set<String> NON_VOLATILE = Set.of("now", "current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "transaction_timestamp", "statement_timestamp", "current_user", "session_user",
            "current_schema", "lower", "upper", "coalesce", "nullif", "greatest", "least", "length", "concat",
            "to_timestamp", "to_date", "make_date", "make_timestamp", "make_interval", "jsonb_build_object",
            "json_build_object", "jsonb_build_array", "array", "abs", "round", "date_trunc", "timezone", "md5", "row");

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(");
    private static final Pattern KEYWORD_FUNCTIONS = Pattern.compile(
            "(?i)\\b(current_timestamp|current_date|current_time|localtimestamp|localtime|current_user|session_user)\\b");

    private Volatility() {
    }

    public static boolean isVolatile(String expression) {
        if (expression == null) {
            return false;
        }
        String e = expression.replaceAll("'(?:[^']|'')*'", "''"); // strings cannot call functions
        Matcher m = CALL.matcher(e);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            name = name.startsWith("pg_catalog.") ? name.substring(11) : name;
            if (!NON_VOLATILE.contains(name) && !isTypeCast(name)) {
                return true;
            }
        }
        return false;
    }

    /** The expression calls no function at all (a literal, a cast of one, a keyword like CURRENT_DATE). */
    public static boolean isConstant(String expression) {
        return expression != null && !CALL.matcher(expression.replaceAll("'(?:[^']|'')*'", "''")).find()
                && !KEYWORD_FUNCTIONS.matcher(expression).find();
    }

    /** {@code int4(...)}, {@code varchar(...)}: a function-style cast, immutable. */
    private static boolean isTypeCast(String name) {
        return Set.of("int", "int2", "int4", "int8", "integer", "bigint", "smallint", "numeric", "decimal", "text",
                "varchar", "char", "bool", "boolean", "float4", "float8", "date", "timestamp", "timestamptz", "interval",
                "uuid", "jsonb", "json", "inet", "cidr").contains(name);
    }
}
