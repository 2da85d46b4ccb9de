package io.github.flywayzdm.lint.internal.split;

import java.util.Arrays;

/**
 * A script as Flyway hands it to its parser: every U+FEFF removed (Flyway's reader drops a byte-order mark wherever it
 * occurs, so {@code CREATE IN<U+FEFF>DEX} runs as CREATE INDEX; proven in the disguise catalogue) and placeholders
 * substituted BEFORE splitting, so a value holding {@code ;}, {@code *}{@code /} or a newline changes the statements
 * exactly as it does at migrate time. Keeps a map back to the original offsets so findings point into the file.
 */
public final class ExecutedText {

    private final String original;
    private final String text;
    /** segment k starts at executed offset execStarts[k] and original offset origStarts[k]; copied or substituted */
    private final int[] execStarts;
    private final int[] origStarts;
    private final boolean[] copied;
    private final int segments;

    private ExecutedText(String original, String text, int[] execStarts, int[] origStarts, boolean[] copied, int segments) {
        this.original = original;
        this.text = text;
        this.execStarts = execStarts;
        this.origStarts = origStarts;
        this.copied = copied;
        this.segments = segments;
    }

    /** The text unchanged (no placeholders, no byte-order marks). */
    public static ExecutedText of(String script) {
        return of(script, null);
    }

    /** @param placeholders null for none */
    public static ExecutedText of(String script, Placeholders placeholders) {
        boolean bom = script.indexOf('\uFEFF') >= 0;
        boolean substitute = placeholders != null && placeholders.occursIn(script);
        if (!bom && !substitute) {
            return new ExecutedText(script, script, new int[] {0}, new int[] {0}, new boolean[] {true}, 1);
        }
        Builder b = new Builder(script);
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\uFEFF') {
                b.skip(i, 1);
                i++;
                continue;
            }
            if (substitute) {
                int[] span = placeholders.at(script, i);
                if (span != null) {
                    b.substitute(i, span[0], placeholders.valueAt(script, i, span[0]));
                    i += span[0];
                    continue;
                }
            }
            b.copy(i, c);
            i++;
        }
        return b.build();
    }

    /** What Flyway's parser reads. */
    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    /** The original offset of executed offset {@code offset} (a substituted value maps to its placeholder). */
    public int originalOffset(int offset) {
        if (segments == 1 && copied[0] && origStarts[0] == 0) {
            return offset;
        }
        int k = Arrays.binarySearch(execStarts, 0, segments, offset);
        if (k < 0) {
            k = -k - 2;
        } else {
            while (k + 1 < segments && execStarts[k + 1] == offset) {
                k++; // empty segments (removed marks) share an offset: take the last
            }
        }
        if (k < 0) {
            return offset;
        }
        return copied[k] ? origStarts[k] + (offset - execStarts[k]) : origStarts[k];
    }

    /** True when some text was substituted or removed. */
    public boolean changed() {
        return text != original;
    }

    private static final class Builder {
        private final String original;
        private final StringBuilder out;
        private int[] execStarts = new int[16];
        private int[] origStarts = new int[16];
        private boolean[] copied = new boolean[16];
        private int segments;
        private boolean inCopy;

        Builder(String original) {
            this.original = original;
            this.out = new StringBuilder(original.length());
        }

        void copy(int at, char c) {
            if (!inCopy) {
                add(out.length(), at, true);
                inCopy = true;
            }
            out.append(c);
        }

        void skip(int at, int length) {
            inCopy = false;
            add(out.length(), at + length, true);
            inCopy = true;
        }

        void substitute(int at, int length, String value) {
            add(out.length(), at, false);
            out.append(value);
            add(out.length(), at + length, true);
            inCopy = true;
        }

        private void add(int exec, int orig, boolean isCopy) {
            if (segments == execStarts.length) {
                execStarts = Arrays.copyOf(execStarts, segments * 2);
                origStarts = Arrays.copyOf(origStarts, segments * 2);
                copied = Arrays.copyOf(copied, segments * 2);
            }
            execStarts[segments] = exec;
            origStarts[segments] = orig;
            copied[segments] = isCopy;
            segments++;
        }

        ExecutedText build() {
            if (segments == 0) {
                add(0, 0, true);
            }
            return new ExecutedText(original, out.toString(), execStarts, origStarts, copied, segments);
        }
    }
}
