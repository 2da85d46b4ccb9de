package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.MigrationScript;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flyway's SQL migration naming: {@code V<version>__<desc>.sql}, {@code R__<desc>.sql}; undo scripts are skipped. */
final class FlywayNames {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.*)\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDO = Pattern.compile("U[0-9][0-9._]*__.*\\.sql", Pattern.CASE_INSENSITIVE);

    private FlywayNames() {
    }

    /** Versioned by version, then repeatables by description, then other .sql files by path; undo scripts dropped. */
    static List<MigrationScript> order(List<MigrationScript> scripts) {
        // each script's name is read once (one pattern match where it can match at all: the patterns begin with a
        // letter), not at every comparison of the sort
        List<SortKey> keys = new ArrayList<>(scripts.size());
        for (MigrationScript s : scripts) {
            String name = s.fileName();
            if (startsWith(name, 'u') && UNDO.matcher(name).matches()) {
                continue;
            }
            Matcher versioned = startsWith(name, 'v') ? VERSIONED.matcher(name) : null;
            if (versioned != null && versioned.matches()) {
                keys.add(new SortKey(s, 0, parts(versioned.group(1))));
            } else {
                keys.add(new SortKey(s, startsWith(name, 'r') && REPEATABLE.matcher(name).matches() ? 1 : 2, parts("")));
            }
        }
        keys.sort(SortKey.ORDER);
        List<MigrationScript> ordered = new ArrayList<>(keys.size());
        for (SortKey k : keys) {
            ordered.add(k.script());
        }
        return ordered;
    }

    /** The name's first letter, in either case (the patterns are case-insensitive for ASCII letters only). */
    private static boolean startsWith(String name, char lower) {
        return !name.isEmpty() && (name.charAt(0) == lower || name.charAt(0) == Character.toUpperCase(lower));
    }

    private record SortKey(MigrationScript script, int group, BigInteger[] version) {
        /** Group, version, file name, path; a class of its own, not a chain of lambdas to link at every call. */
        static final Comparator<SortKey> ORDER = new Comparator<>() {
            @Override
            public int compare(SortKey a, SortKey b) {
                int c = Integer.compare(a.group(), b.group());
                if (c == 0) {
                    c = compareParts(a.version(), b.version());
                }
                if (c == 0) {
                    c = a.script().fileName().compareTo(b.script().fileName());
                }
                return c != 0 ? c : a.script().path().compareTo(b.script().path());
            }
        };
    }

    static Optional<String> version(MigrationScript script) {
        Matcher m = VERSIONED.matcher(script.fileName());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Numeric, part by part: 1.10 > 1.9, 2 > 1.1, 1_1 == 1.1. */
    static int compareVersions(String a, String b) {
        return compareParts(parts(a), parts(b));
    }

    /** The numbers of a version, an empty part as zero. */
    private static BigInteger[] parts(String version) {
        // split by hand: split("[._]") compiles its pattern per call, once per file of the history. Unlike split,
        // trailing empty parts are kept, as zeros, which compare as the missing parts they were (zero)
        List<BigInteger> numbers = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= version.length() && !version.isEmpty(); i++) {
            if (i == version.length() || version.charAt(i) == '.' || version.charAt(i) == '_') {
                numbers.add(i == start ? BigInteger.ZERO : new BigInteger(version.substring(start, i)));
                start = i + 1;
            }
        }
        return numbers.toArray(new BigInteger[0]);
    }

    private static int compareParts(BigInteger[] pa, BigInteger[] pb) {
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            BigInteger x = i < pa.length ? pa[i] : BigInteger.ZERO;
            BigInteger y = i < pb.length ? pb[i] : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
