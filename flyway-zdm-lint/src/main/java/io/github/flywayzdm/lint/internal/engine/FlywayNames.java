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
        List<MigrationScript> kept = new ArrayList<>();
        for (MigrationScript s : scripts) {
            if (!UNDO.matcher(s.fileName()).matches()) {
                kept.add(s);
            }
        }
        // each script's name is read once, not at every comparison of the sort (two regex splits each)
        List<SortKey> keys = new ArrayList<>(kept.size());
        for (MigrationScript s : kept) {
            keys.add(new SortKey(s, group(s), parts(version(s).orElse(""))));
        }
        keys.sort(Comparator.comparingInt(SortKey::group)
                .thenComparing((a, b) -> compareParts(a.version(), b.version()))
                .thenComparing(k -> k.script().fileName())
                .thenComparing(k -> k.script().path()));
        List<MigrationScript> ordered = new ArrayList<>(keys.size());
        for (SortKey k : keys) {
            ordered.add(k.script());
        }
        return ordered;
    }

    private record SortKey(MigrationScript script, int group, BigInteger[] version) {
    }

    static Optional<String> version(MigrationScript script) {
        Matcher m = VERSIONED.matcher(script.fileName());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static int group(MigrationScript s) {
        if (VERSIONED.matcher(s.fileName()).matches()) {
            return 0;
        }
        return REPEATABLE.matcher(s.fileName()).matches() ? 1 : 2;
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
