package io.github.flywayzdm.lint.internal.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way the server's own lexer sees it, in one linear pass.
 *
 * <p>States: plain SQL; {@code --} line comments; nested {@code /* *\/} block comments; {@code '...'} strings with
 * {@code ''} (and, for {@code E'...'}, backslash) escapes; {@code "..."} identifiers with {@code ""}; dollar-quoted
 * bodies {@code $tag$ ... $tag$} (a {@code $1} parameter or the {@code $} inside {@code a$b} is not a quote); and
 * SQL-standard function bodies {@code BEGIN ATOMIC ... END}, inside which {@code ;} does not end the statement
 * ({@code CASE ... END} nests). After {@code COPY ... FROM STDIN;} the data up to the {@code \.} line belongs to the
 * statement. A final statement without {@code ;} counts; empty statements are skipped. Never throws: an unterminated
 * construct makes the rest of the script one statement and is reported as a {@link SplitProblem}.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    public static SplitResult split(String script) {
        return new Scan(script).run();
    }

    private static final class Scan {
        private final String s;
        private final int n;
        private final LineIndex lines;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<SqlComment> comments = new ArrayList<>();
        private final List<SplitProblem> problems = new ArrayList<>();

        private int start = -1;
        private int firstPendingComment;
        private int previousTerminatorLine = -1;
        private int atomicDepth;
        private boolean firstWordIsCopy;
        private boolean wordCount;
        private boolean lastWordBegin;
        private boolean lastWordFrom;
        private boolean copyFromStdin;

        Scan(String script) {
            this.s = script;
            this.n = script.length();
            this.lines = new LineIndex(script);
        }

        SplitResult run() {
            int i = n > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { // isSpaceChar: no-break spaces too
                    i++;
                } else if (c == '-' && peek(i + 1) == '-') {
                    i = lineComment(i);
                } else if (c == '/' && peek(i + 1) == '*') {
                    i = blockComment(i);
                } else if (c == ';' && start < 0) {
                    i++; // an empty statement
                } else {
                    if (start < 0) {
                        begin(i);
                    }
                    i = token(i, c);
                }
            }
            if (start >= 0) {
                end(n, n);
            }
            return new SplitResult(statements, comments, problems);
        }

        private int token(int i, char c) {
            switch (c) {
                case ';':
                    if (atomicDepth > 0) {
                        return i + 1;
                    }
                    if (copyFromStdin) {
                        int dataEnd = copyData(i + 1);
                        end(i, dataEnd);
                        return dataEnd;
                    }
                    end(i, i + 1);
                    return i + 1;
                case '\'':
                    return string(i, escapePrefixed(i));
                case '"':
                    return quoted(i, '"', false, "quoted identifier");
                case '$':
                    return dollar(i);
                default:
                    if (identStart(c)) {
                        return word(i);
                    }
                    if (Character.isDigit(c)) {
                        int j = i + 1;
                        while (j < n && identPart(s.charAt(j))) {
                            j++;
                        }
                        return j;
                    }
                    return i + 1;
            }
        }

        private void begin(int i) {
            start = i;
            atomicDepth = 0;
            firstWordIsCopy = false;
            wordCount = false;
            lastWordBegin = false;
            lastWordFrom = false;
            copyFromStdin = false;
        }

        /** Ends the current statement: its text stops at {@code textEnd}, the script resumes at {@code resume}. */
        private void end(int textEnd, int resume) {
            int last = textEnd;
            while (last > start && (Character.isWhitespace(s.charAt(last - 1)) || Character.isSpaceChar(s.charAt(last - 1)))) {
                last--;
            }
            List<SqlComment> leading = new ArrayList<>();
            for (int k = firstPendingComment; k < comments.size() && comments.get(k).offset() < start; k++) {
                SqlComment comment = comments.get(k);
                if (comment.line() != previousTerminatorLine) {
                    leading.add(comment);
                }
            }
            int endLine = lines.line(Math.max(start, (resume > textEnd + 1 ? resume : last) - 1));
            statements.add(new SqlStatement(s.substring(start, last), start, lines.line(start), lines.column(start), endLine, leading));
            firstPendingComment = comments.size();
            previousTerminatorLine = lines.line(Math.min(textEnd, Math.max(0, n - 1)));
            start = -1;
        }

        private int lineComment(int i) {
            int j = i;
            while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                j++;
            }
            addComment(i, j, false);
            return j;
        }

        private int blockComment(int i) {
            int depth = 0;
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                if (c == '/' && peek(j + 1) == '*') {
                    depth++;
                    j += 2;
                } else if (c == '*' && peek(j + 1) == '/') {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        addComment(i, j, true);
                        return j;
                    }
                } else {
                    j++;
                }
            }
            problem(i, "unterminated block comment");
            addComment(i, n, true);
            return n;
        }

        private void addComment(int from, int to, boolean block) {
            comments.add(new SqlComment(s.substring(from, to), from, lines.line(from), lines.column(from), block));
        }

        /** E'..' and e'..' take backslash escapes; the letter must not end a longer word (e.g. {@code some'}). */
        private boolean escapePrefixed(int quote) {
            if (quote == 0) {
                return false;
            }
            char p = s.charAt(quote - 1);
            return (p == 'E' || p == 'e') && (quote < 2 || !identPart(s.charAt(quote - 2)));
        }

        private int string(int i, boolean backslashEscapes) {
            return quoted(i, '\'', backslashEscapes, "string");
        }

        private int quoted(int i, char quote, boolean backslashEscapes, String what) {
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (backslashEscapes && c == '\\') {
                    j += 2;
                } else if (c == quote) {
                    if (peek(j + 1) == quote) {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            problem(i, "unterminated " + what);
            return n;
        }

        private int dollar(int i) {
            if (i > 0 && identPart(s.charAt(i - 1))) {
                return i + 1; // inside an identifier such as a$b
            }
            int j = i + 1;
            if (j < n && identStart(s.charAt(j))) {
                while (j < n && identPart(s.charAt(j)) && s.charAt(j) != '$') {
                    j++;
                }
            }
            if (j >= n || s.charAt(j) != '$') {
                return i + 1; // $1 parameter or a lone $
            }
            String tag = s.substring(i, j + 1);
            int close = s.indexOf(tag, j + 1);
            if (close < 0) {
                problem(i, "unterminated dollar-quoted string " + tag);
                return n;
            }
            return close + tag.length();
        }

        private int word(int i) {
            int j = i + 1;
            while (j < n && identPart(s.charAt(j))) {
                j++;
            }
            int len = j - i;
            boolean isBegin = len == 5 && s.regionMatches(true, i, "BEGIN", 0, 5);
            if (!wordCount) {
                firstWordIsCopy = len == 4 && s.regionMatches(true, i, "COPY", 0, 4);
                wordCount = true;
            } else if (lastWordBegin && len == 6 && s.regionMatches(true, i, "ATOMIC", 0, 6)) {
                atomicDepth++;
            } else if (atomicDepth > 0 && len == 4 && s.regionMatches(true, i, "CASE", 0, 4)) {
                atomicDepth++;
            } else if (atomicDepth > 0 && len == 3 && s.regionMatches(true, i, "END", 0, 3)) {
                atomicDepth--;
            } else if (firstWordIsCopy && lastWordFrom && len == 5 && s.regionMatches(true, i, "STDIN", 0, 5)) {
                copyFromStdin = true;
            }
            lastWordBegin = isBegin;
            lastWordFrom = len == 4 && s.regionMatches(true, i, "FROM", 0, 4);
            return j;
        }

        /** Skips the rest of the COPY line and the data lines up to and including the {@code \.} line. */
        private int copyData(int i) {
            int j = i;
            while (j < n && s.charAt(j) != '\n') {
                j++;
            }
            while (j < n) {
                int lineStart = j + 1;
                int lineEnd = lineStart;
                while (lineEnd < n && s.charAt(lineEnd) != '\n') {
                    lineEnd++;
                }
                String line = s.substring(Math.min(lineStart, n), lineEnd).stripTrailing();
                if (line.equals("\\.")) {
                    return lineEnd;
                }
                j = lineEnd;
            }
            problem(i, "COPY data not terminated by a \\. line");
            return n;
        }

        private void problem(int at, String message) {
            int line = lines.line(at);
            int col = lines.column(at);
            problems.add(new SplitProblem(line, col, message + " opened at " + line + ":" + col));
        }

        private char peek(int i) {
            return i < n ? s.charAt(i) : '\0';
        }

        private static boolean identStart(char c) {
            return Character.isLetter(c) || c == '_' || c >= 0x80;
        }

        private static boolean identPart(char c) {
            return identStart(c) || Character.isDigit(c) || c == '$';
        }
    }
}
