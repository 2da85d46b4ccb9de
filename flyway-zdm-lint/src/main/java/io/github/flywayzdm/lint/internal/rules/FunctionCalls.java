package io.github.flywayzdm.lint.internal.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls of built-in functions that PostgreSQL rejects for their argument count ({@code now(123)}: function
 * now(integer) does not exist) and SQL-keyword functions written with parentheses they do not take
 * ({@code current_date()}, {@code current_timestamp()}: syntax error). Checked on the text of an expression (a
 * DEFAULT); argument types are not judged. A function the migrations created under the same name may be the overload
 * meant, so it is left alone, as is any call qualified with a schema other than pg_catalog.
 */
public final class FunctionCalls {

    /** Built-ins whose only signatures take these argument counts (PostgreSQL 10-18, random from 17 below). */
    private static final Map<String, Set<Integer>> ARITY = Map.ofEntries(
            Map.entry("now", Set.of(0)), Map.entry("clock_timestamp", Set.of(0)), Map.entry("statement_timestamp", Set.of(0)),
            Map.entry("transaction_timestamp", Set.of(0)), Map.entry("timeofday", Set.of(0)),
            Map.entry("gen_random_uuid", Set.of(0)), Map.entry("txid_current", Set.of(0)), Map.entry("pg_backend_pid", Set.of(0)),
            Map.entry("random", Set.of(0)), Map.entry("nextval", Set.of(1)), Map.entry("currval", Set.of(1)),
            Map.entry("lower", Set.of(1)), Map.entry("upper", Set.of(1)), Map.entry("md5", Set.of(1)),
            Map.entry("sha256", Set.of(1)), Map.entry("current_setting", Set.of(1, 2)), Map.entry("left", Set.of(2)),
            Map.entry("right", Set.of(2)), Map.entry("date_trunc", Set.of(2, 3)), Map.entry("to_char", Set.of(2)),
            Map.entry("split_part", Set.of(3)), Map.entry("repeat", Set.of(2)));

    /** SQL-keyword functions that take no parentheses at all. */
    private static final Pattern KEYWORD_PARENS = Pattern.compile(
            "(?i)(?<![\\w.\"$])(current_date|current_user|current_role|session_user|current_catalog)\\s*\\(");
    /** Keyword functions whose optional parentheses hold one unsigned integer (the precision). */
    private static final Pattern PRECISION = Pattern.compile(
            "(?i)(?<![\\w.\"$])(current_timestamp|current_time|localtimestamp|localtime)\\s*\\(\\s*([^)]*?)\\s*\\)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern CALL = Pattern.compile("(?<![\\w.\"$])((?:pg_catalog\\.)?[A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private FunctionCalls() {
    }

    /**
     * @param created names of functions the migrations created (lower case): a call of one is not judged
     * @return why PostgreSQL rejects a call in {@code expression}, or empty when it calls nothing it rejects
     */
    public static Optional<String> misuse(String expression, int pgMajor, Predicate<String> created) {
        if (expression == null) {
            return Optional.empty();
        }
        String e = StringLiterals.blanked(expression);
        Matcher k = KEYWORD_PARENS.matcher(e);
        if (k.find()) {
            String name = k.group(1).toLowerCase(Locale.ROOT);
            return Optional.of(name + " is an SQL keyword, not a function call: PostgreSQL rejects " + name
                    + "() with a syntax error (write " + name + " without parentheses)");
        }
        Matcher p = PRECISION.matcher(e);
        while (p.find()) {
            if (!DIGITS.matcher(p.group(2)).matches()) {
                String name = p.group(1).toLowerCase(Locale.ROOT);
                return Optional.of(name + " takes at most a precision, one unsigned integer, in its parentheses: PostgreSQL "
                        + "rejects " + name + "(" + p.group(2) + ") with a syntax error (write " + name + " or " + name + "(3))");
            }
        }
        Matcher m = CALL.matcher(e);
        while (m.find()) {
            String written = m.group(1).toLowerCase(Locale.ROOT);
            String name = written.startsWith("pg_catalog.") ? written.substring(11) : written;
            Set<Integer> allowed = allowed(name, pgMajor);
            if (allowed == null || created.test(name)) {
                continue;
            }
            int args = arguments(e, m.end());
            if (args >= 0 && !allowed.contains(args)) {
                return Optional.of(written + " takes " + describe(allowed) + ": PostgreSQL rejects a call with " + args
                        + (args == 1 ? " argument" : " arguments") + " (function " + written + " with those arguments does not exist"
                        + (name.equals("random") && args == 2 && pgMajor < 17 ? "; random(min, max) exists from PostgreSQL 17" : "")
                        + ")");
            }
        }
        return Optional.empty();
    }

    private static Set<Integer> allowed(String name, int pgMajor) {
        if (name.equals("random")) {
            return pgMajor >= 17 ? Set.of(0, 2) : Set.of(0);
        }
        return ARITY.get(name);
    }

    private static String describe(Set<Integer> allowed) {
        if (allowed.equals(Set.of(0))) {
            return "no arguments";
        }
        return allowed.stream().sorted().map(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("") + " argument"
                + (allowed.equals(Set.of(1)) ? "" : "s");
    }

    /** Top-level arguments of the call whose '(' ends before {@code from}; -1 when the parentheses do not close. */
    private static int arguments(String e, int from) {
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = from; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0) {
                    return any ? commas + 1 : 0;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
            if (!Character.isWhitespace(c)) {
                any = true;
            }
        }
        return -1;
    }
}
