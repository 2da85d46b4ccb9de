package io.github.flywayzdm.lint.disguise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random PostgreSQL scripts built to stress where statements end: strings with semicolons and quotes (doubled,
 * backslash-escaped, continued across lines with comments between), dollar quotes with ASCII and non-ASCII tags,
 * U&amp; strings and identifiers, nested block comments, line comments ended by CR, quoted and non-ASCII names, begin and
 * atomic as names, SQL-standard function bodies, operators next to comment starts, standard_conforming_strings off.
 * Every script is valid SQL; each statement returns one row {@code (n, v)} so what ran can be compared.
 */
final class ScriptGenerator {

    private static final String[] TAGS = {"", "a", "ä", "€", "_x1", "tag", "Ω9"};
    private final Random random;
    private final boolean sqlStandardBodies;

    ScriptGenerator(long seed, boolean sqlStandardBodies) {
        this.random = new Random(seed);
        this.sqlStandardBodies = sqlStandardBodies;
    }

    String script() {
        return String.join("", parts());
    }

    /**
     * The script in the pieces a client must send separately: the server lexes a whole Query message before running
     * any of it, so a {@code SET standard_conforming_strings} changes the reading of later messages only, the way it
     * does under Flyway, which sends each statement on its own.
     */
    List<String> parts() {
        boolean offStrings = random.nextInt(6) == 0;
        List<String> parts = new ArrayList<>();
        if (offStrings) {
            parts.add(gap() + "SET standard_conforming_strings = off" + gap() + ";");
        }
        StringBuilder b = new StringBuilder();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            b.append(gap()).append(statement(i, offStrings)).append(gap()).append(random.nextInt(8) == 0 ? ";;" : ";");
        }
        parts.add(b.toString());
        if (offStrings) {
            parts.add(gap() + "RESET standard_conforming_strings" + gap() + ";");
        }
        return parts;
    }

    private String statement(int n, boolean offStrings) {
        int kind = random.nextInt(10);
        if (kind == 0 && sqlStandardBodies) {
            return "CREATE FUNCTION pg_temp.f" + n + "_" + random.nextInt(1_000_000) + "() RETURNS int LANGUAGE sql" + gap()
                    + "BEGIN ATOMIC" + gap() + "SELECT 1;" + gap() + "SELECT CASE WHEN true THEN 2 END;" + gap() + "END";
        }
        if (kind == 1) {
            return "SELECT begin" + gap() + "atomic, " + n + " AS n FROM (SELECT 'b;' AS begin) AS s";
        }
        StringBuilder v = new StringBuilder(value(offStrings));
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            v.append(gap()).append("||").append(gap()).append(value(offStrings));
        }
        return "SELECT" + gap() + n + gap() + "AS" + gap() + "n," + gap() + "(" + v + ")" + gap() + "AS" + gap() + alias();
    }

    private String value(boolean offStrings) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        return switch (random.nextInt(offStrings ? 11 : 14)) {
            case 0 -> "'a;b'";
            case 1 -> "'it''s; ok'";
            case 2 -> "E'x\\'y;'";
            case 3 -> "E'a'" + newline() + "'\\';b'";
            case 4 -> "'p'" + newline() + "'q;'";
            case 5 -> "'a' -- c;'" + newline() + "'b'";
            case 6 -> "$" + tag + "$;'\"--/*$" + tag + "$";
            case 7 -> "N'n;'";
            case 8 -> "(2*--c;\n3)::text";
            case 9 -> "B'101'::text";
            case 10 -> offStrings ? "'x\\';y'" : "'x\\'";
            case 11 -> "U&'\\0041;'";
            case 12 -> "U&'!0042;' UESCAPE '!'";
            default -> "'" + "\u00e4\u20ac;" + "'";
        };
    }

    private String alias() {
        return switch (random.nextInt(6)) {
            case 0 -> "\"x;y\"";
            case 1 -> "Ärzte";
            case 2 -> "U&\"\\00e4;\"";
            case 3 -> "begin";
            case 4 -> "atomic";
            default -> "v";
        };
    }

    /** Whitespace and comments between tokens: blanks, CR, LF, CRLF, form feeds, line and nested block comments. */
    private String gap() {
        StringBuilder b = new StringBuilder(" ");
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append(switch (random.nextInt(7)) {
                case 0 -> "\n";
                case 1 -> "\r\n";
                case 2 -> "-- ;'\"$$ x\r";
                case 3 -> "-- ; y\n";
                case 4 -> "/* ; ' /* nested ; $$ */ \" */";
                case 5 -> "\t\f";
                default -> "  ";
            });
        }
        return b.append(' ').toString();
    }

    private String newline() {
        return switch (random.nextInt(3)) {
            case 0 -> "\n";
            case 1 -> "\r\n";
            default -> " -- gap\n ";
        };
    }

    /** A script damaged at random: characters that open or close constructs inserted, deleted or cut off. */
    String damaged() {
        StringBuilder b = new StringBuilder(script());
        String[] noise = {"'", "\"", "$", "$a$", "/*", "*/", "--", "\n", "\r", ";", "\uFEFF", "(", ")", "E'", "U&\"", "\\", "BEGIN ATOMIC", "COPY t FROM STDIN"};
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, noise[random.nextInt(noise.length)]);
                case 1 -> b.deleteCharAt(at);
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }
}
