package io.github.flywayzdm.lint.internal.rules.locking;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** alter-column-type-scan's word search gives what the pattern it replaced found, on hostile text too. */
class ConstraintColumnWordTest {

    private static boolean byPattern(String expression, String column) {
        return Pattern.compile("(?i)(?<![A-Za-z0-9_$])\"?" + Pattern.quote(column) + "\"?(?![A-Za-z0-9_$])")
                .matcher(expression).find();
    }

    @Test
    void examples() {
        assertThat(AlterColumnTypeScan.namesWord("length(code) > 2", "code")).isTrue();
        assertThat(AlterColumnTypeScan.namesWord("length(\"Code\") > 2", "code")).isTrue();
        assertThat(AlterColumnTypeScan.namesWord("CODE <> ''", "code")).isTrue();
        assertThat(AlterColumnTypeScan.namesWord("zipcode <> ''", "code")).isFalse();
        assertThat(AlterColumnTypeScan.namesWord("code_2 <> ''", "code")).isFalse();
        assertThat(AlterColumnTypeScan.namesWord("code$ <> ''", "code")).isFalse();
        assertThat(AlterColumnTypeScan.namesWord("\"ÉTAT\" <> ''", "état")).isFalse(); // ASCII letters only fold
        assertThat(AlterColumnTypeScan.namesWord("\"état\" <> ''", "état")).isTrue();
        assertThat(AlterColumnTypeScan.namesWord("", "c")).isFalse();
    }

    @Test
    void randomTextAgreesWithThePattern() {
        Random random = new Random(20);
        String alphabet = "cCoO\"_$1 ()é É.'-\u00e9\ud83d\ude00k";
        for (int round = 0; round < 100_000; round++) {
            String column = random(random, alphabet, 1 + random.nextInt(3));
            String expression = random(random, alphabet, random.nextInt(12));
            assertThat(AlterColumnTypeScan.namesWord(expression, column)).as("%s in %s", column.codePoints().boxed().toList(), expression.codePoints().boxed().toList())
                    .isEqualTo(byPattern(expression, column));
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
