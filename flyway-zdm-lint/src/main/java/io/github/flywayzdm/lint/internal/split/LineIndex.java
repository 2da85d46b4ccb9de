package io.github.flywayzdm.lint.internal.split;

import java.util.Arrays;

/** Maps char offsets to 1-based line and column; \n, \r\n and a lone \r each end a line. */
final class LineIndex {

    private final int[] starts;
    private final int count;

    LineIndex(String text) {
        int[] s = new int[64];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = s;
        this.count = n;
    }

    int line(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    int column(int offset) {
        return offset - starts[line(offset) - 1] + 1;
    }
}
