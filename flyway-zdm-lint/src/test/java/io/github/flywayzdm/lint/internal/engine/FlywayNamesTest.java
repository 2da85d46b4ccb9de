package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.MigrationScript;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's version order, with versions split by hand: the same comparisons as the regex split it replaced. */
class FlywayNamesTest {

    /** The earlier reading: {@code split("[._]")}, an empty part as zero. */
    private static int bySplit(String a, String b) {
        BigInteger[] pa = parts(a);
        BigInteger[] pb = parts(b);
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            int c = (i < pa.length ? pa[i] : BigInteger.ZERO).compareTo(i < pb.length ? pb[i] : BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static BigInteger[] parts(String version) {
        String[] p = version.isEmpty() ? new String[0] : version.split("[._]");
        BigInteger[] numbers = new BigInteger[p.length];
        for (int i = 0; i < p.length; i++) {
            numbers[i] = p[i].isEmpty() ? BigInteger.ZERO : new BigInteger(p[i]);
        }
        return numbers;
    }

    @Test
    void versionsCompareAsBefore() {
        assertThat(FlywayNames.compareVersions("1.10", "1.9")).isPositive();
        assertThat(FlywayNames.compareVersions("1_1", "1.1")).isZero();
        assertThat(FlywayNames.compareVersions("1.", "1")).isZero();
        assertThat(FlywayNames.compareVersions("1..2", "1.0.2")).isZero();
        assertThat(FlywayNames.compareVersions("99999999999999999999999", "2")).isPositive();
        Random random = new Random(20);
        for (int round = 0; round < 50_000; round++) {
            String a = version(random);
            String b = version(random);
            assertThat(Integer.signum(FlywayNames.compareVersions(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(bySplit(a, b)));
        }
    }

    @Test
    void aShuffledHistoryIsOrderedByVersionThenRepeatablesThenOthers() {
        List<String> names = new ArrayList<>(List.of("V1__a.sql", "V1.1__b.sql", "V1_2__c.sql", "V1.10__d.sql", "V2__e.sql",
                "v3__lower.sql", "V10__f.sql", "R__a.sql", "R__b.sql", "r__c.sql", "1__x.sql", "V__x.sql", "other.sql"));
        List<MigrationScript> scripts = new ArrayList<>();
        for (String n : names) {
            scripts.add(MigrationScript.of("db/" + n, "SELECT 1;"));
        }
        scripts.add(MigrationScript.of("db/U2__undo.sql", "SELECT 1;"));
        scripts.add(MigrationScript.of("db/u3__undo.sql", "SELECT 1;"));
        Collections.shuffle(scripts, new Random(20));
        assertThat(FlywayNames.order(scripts)).extracting(MigrationScript::fileName).containsExactlyElementsOf(names);
    }

    private static String version(Random random) {
        StringBuilder b = new StringBuilder().append(random.nextInt(10));
        for (int i = random.nextInt(6); i > 0; i--) {
            b.append("0123456789._".charAt(random.nextInt(12)));
        }
        return b.toString();
    }
}
