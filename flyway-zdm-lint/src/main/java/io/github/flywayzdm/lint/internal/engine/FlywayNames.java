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
        kept.sort(Comparator.comparingInt(FlywayNames::group)
                .thenComparing((a, b) -> compareVersions(version(a).orElse(""), version(b).orElse("")))
                .thenComparing(MigrationScript::fileName)
                .thenComparing(MigrationScript::path));
        return kept;
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
        String[] pa = a.isEmpty() ? new String[0] : a.split("[._]");
        String[] pb = b.isEmpty() ? new String[0] : b.split("[._]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            BigInteger x = i < pa.length && !pa[i].isEmpty() ? new BigInteger(pa[i]) : BigInteger.ZERO;
            BigInteger y = i < pb.length && !pb[i].isEmpty() ? new BigInteger(pb[i]) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
