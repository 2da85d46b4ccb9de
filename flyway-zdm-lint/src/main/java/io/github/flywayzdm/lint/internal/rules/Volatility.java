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
            "json_build_object", "jsonb_build_array", "array", "abs", "round", "date_trunc", "timezone", "md5", "row",
            // syntax that looks like a call: cast(x AS t), extract(...), and common immutable/stable built-ins
            "cast", "extract", "date_part", "to_char", "to_number", "replace", "substring", "substr", "trim", "btrim",
            "ltrim", "rtrim", "format", "split_part", "to_json", "to_jsonb", "json_build_array", "array_length",
            "current_setting", "left", "right", "lpad", "rpad", "floor", "ceil", "trunc", "power", "sqrt", "char_length",
            "octet_length", "position", "overlaps", "int4range", "int8range", "numrange", "tstzrange", "daterange",
            "jsonb_object", "array_fill", "repeat", "encode", "decode", "sha256", "uuid_nil", "inet", "point");

    /** Every function of pg_catalog with no VOLATILE overload, from pg_proc (BuiltinVolatilityClaimTest checks it). */
    private static final Set<String> CATALOG_NON_VOLATILE = load("non-volatile-builtins.txt");

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(");
    private static final Pattern KEYWORD_FUNCTIONS = Pattern.compile(
            "(?i)\\b(current_timestamp|current_date|current_time|localtimestamp|localtime|current_user|session_user)\\b");

    private Volatility() {
    }

    public static boolean isVolatile(String expression) {
        return isVolatile(expression, name -> java.util.Optional.empty());
    }

    /**
     * @param known volatility (IMMUTABLE/STABLE/VOLATILE) of functions the migrations created; a function the
     *              history created with no volatility clause is VOLATILE, PostgreSQL's default
     */
    public static boolean isVolatile(String expression, java.util.function.Function<String, java.util.Optional<String>> known) {
        if (expression == null) {
            return false;
        }
        String e = StringLiterals.blanked(expression); // strings cannot call functions
        Matcher m = CALL.matcher(e);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            name = name.startsWith("pg_catalog.") ? name.substring(11) : name;
            String unqualified = name.substring(name.lastIndexOf('.') + 1);
            java.util.Optional<String> declared = known.apply(unqualified);
            if (declared.isPresent()) {
                if (declared.get().equals("VOLATILE")) {
                    return true;
                }
                continue;
            }
            if (!NON_VOLATILE.contains(name) && !CATALOG_NON_VOLATILE.contains(name) && !isTypeCast(name)) {
                return true;
            }
        }
        return false;
    }

    /** The expression calls no function at all (a literal, a cast of one, a keyword like CURRENT_DATE). */
    public static boolean isConstant(String expression) {
        return expression != null && !CALL.matcher(StringLiterals.blanked(expression)).find()
                && !KEYWORD_FUNCTIONS.matcher(expression).find();
    }

    private static Set<String> load(String resource) {
        try (java.io.InputStream in = Volatility.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            // line by line through indexOf, not a stream pipeline or a loop per character: this runs interpreted in
            // a short CLI call (a pipeline's first use costs its linkage; 40,000 characters cost 6% of an 80-file lint)
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.HashSet<String> names = new java.util.HashSet<>(4096);
            for (int start = 0; start < text.length(); ) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                String line = text.substring(start, end);
                start = end + 1;
                for (String part : line.indexOf('\r') < 0 ? new String[] {line} : line.split("\r")) {
                    if (!part.isBlank() && !part.startsWith("#")) {
                        names.add(part);
                    }
                }
            }
            return java.util.Collections.unmodifiableSet(names);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code int4(...)}, {@code varchar(...)}: a function-style cast, immutable. */
    private static boolean isTypeCast(String name) {
        return TYPE_CASTS.contains(name);
    }

    private static final Set<String> TYPE_CASTS = Set.of("int", "int2", "int4", "int8", "integer", "bigint", "smallint",
            "numeric", "decimal", "text", "varchar", "char", "bool", "boolean", "float4", "float8", "date", "timestamp",
            "timestamptz", "interval", "uuid", "jsonb", "json", "inet", "cidr");
}
