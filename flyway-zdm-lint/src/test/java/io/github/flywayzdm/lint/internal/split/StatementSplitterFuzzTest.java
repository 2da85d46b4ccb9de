package io.github.flywayzdm.lint.internal.split;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Property test: scripts assembled from random fragments with known statement boundaries split back into exactly
 * those statements, at exactly those positions; random character soup never throws.
 */
class StatementSplitterFuzzTest {

    private static final String[] WORDS = {"SELECT", "x", "FROM", "t", "WHERE", "a$b", "$1", "1.5e3", "(", ")", ",", "::int", "=", "BEGIN"};

    @Test
    void generatedScriptsSplitAtTheKnownBoundaries() {
        Random random = new Random(20261124);
        for (int round = 0; round < 3000; round++) {
            StringBuilder script = new StringBuilder();
            List<String> expected = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int s = 0; s < count; s++) {
                script.append(noise(random));
                offsets.add(script.length());
                String statement = statement(random);
                expected.add(statement);
                script.append(statement).append(';');
            }
            script.append(noise(random));
            SplitResult result = StatementSplitter.split(script.toString());
            assertThat(result.problems()).as(script.toString()).isEmpty();
            assertThat(result.statements()).as(script.toString()).extracting(SqlStatement::sql).containsExactlyElementsOf(expected);
            for (int i = 0; i < count; i++) {
                SqlStatement st = result.statements().get(i);
                int offset = offsets.get(i);
                assertThat(st.offset()).isEqualTo(offset);
                String before = script.substring(0, offset);
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                assertThat(st.line()).isEqualTo(line);
                assertThat(st.column()).isEqualTo(offset - (before.lastIndexOf('\n') + 1) + 1);
            }
        }
    }

    @Test
    void randomCharacterSoupNeverThrows() {
        Random random = new Random(42);
        String alphabet = "'\";$-/*\\\n\r\t abcEe$$()BEGIN ATOMIC END CASE COPY FROM STDIN \\.";
        for (int round = 0; round < 3000; round++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> StatementSplitter.split(s.toString())).doesNotThrowAnyException();
        }
    }

    /** Whitespace and comments between statements (never containing a statement boundary). */
    private static String noise(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
            switch (r.nextInt(5)) {
                case 0 -> b.append("\n");
                case 1 -> b.append("  \t");
                case 2 -> b.append("-- c;o'm\"m$e$nt\n");
                case 3 -> b.append("/* b;l /* nested; */ o'ck */");
                default -> b.append("\r\n");
            }
        }
        return b.toString();
    }

    /** A statement starting with a word, containing quotes, dollar bodies and comments with semicolons inside. */
    private static String statement(Random r) {
        StringBuilder b = new StringBuilder("SELECT");
        for (int i = r.nextInt(8); i > 0; i--) {
            b.append(' ');
            switch (r.nextInt(8)) {
                case 0 -> b.append("'s;t''r").append(r.nextInt(9)).append('\'');
                case 1 -> b.append("E'e\\';s").append("'");
                case 2 -> b.append("\"id;").append(r.nextInt(9)).append('"');
                case 3 -> {
                    // an untagged body cannot contain $$; a tagged one may
                    String tag = r.nextBoolean() ? "" : "t" + r.nextInt(99);
                    b.append('$').append(tag).append("$ body; 'x' ").append(tag.isEmpty() ? "" : "$$ ").append('$').append(tag).append('$');
                }
                case 4 -> b.append("/* in;side */");
                case 5 -> b.append("-- line; comment\n");
                default -> b.append(WORDS[r.nextInt(WORDS.length)]);
            }
        }
        b.append(" x");
        return b.toString();
    }
}
