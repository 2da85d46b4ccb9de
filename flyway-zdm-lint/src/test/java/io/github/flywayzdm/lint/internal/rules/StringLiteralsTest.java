package io.github.flywayzdm.lint.internal.rules;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal blanking the volatility and function-call checks share is the replaceAll it replaced. */
class StringLiteralsTest {

    @Test
    void randomTextAgreesWithReplaceAll() {
        Random random = new Random(20);
        String alphabet = "''a(),\\é\ud83d\ude00 ";
        for (int round = 0; round < 100_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String e = b.toString();
            assertThat(StringLiterals.blanked(e)).as(e).isEqualTo(e.replaceAll("'(?:[^']|'')*'", "''"));
        }
        assertThat(StringLiterals.blanked("now() || 'a''b(' || x")).isEqualTo("now() || '' || x");
    }
}
