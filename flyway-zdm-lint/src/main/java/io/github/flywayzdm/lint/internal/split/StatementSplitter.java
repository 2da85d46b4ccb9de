package io.github.flywayzdm.lint.internal.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements with the one {@link SqlLexer}, in one linear pass.
 *
 * <p>A {@code ;} ends a statement except inside the SQL-standard body of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE
 * ... BEGIN ATOMIC ... END} (at parenthesis depth 0, the heuristic psql uses; {@code CASE ... END} nests), so
 * {@code begin} and {@code atomic} used as column names or labels elsewhere never swallow the following statements.
 * After {@code COPY ... FROM STDIN;} (FROM at depth 0, so {@code COPY (SELECT ... FROM stdin) TO ...} is not one) the
 * data up to the {@code \.} line belongs to the statement. {@code SET standard_conforming_strings = off} (and back
 * on, RESET) switches how the following statements' strings are read, as it does on the server. Between statements,
 * Unicode blanks (U+00A0 and the like) are skipped as Flyway's parser skips them. A final statement
 * without {@code ;} counts; empty statements are skipped. Never throws: an unterminated construct makes the rest of the
 * script one statement and is reported as a {@link SplitProblem}.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    public static SplitResult split(String script) {
        return split(ExecutedText.of(script));
    }

    public static SplitResult split(ExecutedText script) {
        return new Scan(script).run();
    }

    private static final class Scan {
        private final ExecutedText source;
        private final String s;
        private final int n;
        private final LineIndex lines;
        private final SqlLexer lexer;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<SqlComment> comments = new ArrayList<>();
        private final List<SplitProblem> problems = new ArrayList<>();

        private int start = -1;
        private int firstPendingComment;
        private int previousTerminatorLine = -1;
        private boolean statementScs = true;
        // what the statement's words so far say
        private int words;
        private boolean create;
        private boolean orReplace;
        private boolean function;
        private boolean firstWordIsCopy;
        private boolean firstWordIsSet;
        private int parens;
        private boolean lastWordBegin;
        private boolean lastWordFrom;
        private int atomicDepth;
        private boolean copyFromStdin;

        Scan(ExecutedText source) {
            this.source = source;
            this.s = source.text();
            this.n = s.length();
            this.lines = new LineIndex(source.original());
            this.lexer = new SqlLexer(s);
        }

        SplitResult run() {
            while (skipBlanksBetweenStatements() && lexer.next()) {
                SqlLexer.Kind kind = lexer.kind();
                if (lexer.unterminated() != null) {
                    problem(lexer.start(), "unterminated " + lexer.unterminated());
                }
                if (kind == SqlLexer.Kind.LINE_COMMENT || kind == SqlLexer.Kind.BLOCK_COMMENT) {
                    addComment(lexer.start(), lexer.end(), kind == SqlLexer.Kind.BLOCK_COMMENT);
                    continue;
                }
                if (lexer.isSymbol(';')) {
                    if (start < 0) {
                        continue; // an empty statement
                    }
                    if (atomicDepth > 0) {
                        continue;
                    }
                    if (copyFromStdin) {
                        int dataEnd = copyData(lexer.end());
                        end(lexer.start(), dataEnd);
                        lexer.resumeAt(dataEnd);
                    } else {
                        end(lexer.start(), lexer.end());
                    }
                    continue;
                }
                if (start < 0) {
                    begin(lexer.start());
                }
                track(kind);
            }
            if (start >= 0) {
                end(n, n);
            }
            return new SplitResult(statements, comments, problems);
        }

        /**
         * Between statements Flyway's parser also skips Unicode blanks the server would not (a no-break space after
         * the last ';' or indenting a statement: proven with real Flyway), so they neither start a statement nor fail one.
         */
        private boolean skipBlanksBetweenStatements() {
            if (start < 0) {
                int p = lexer.position();
                while (p < n && (SqlLexer.isSpace(s.charAt(p)) || Character.isSpaceChar(s.charAt(p)) || Character.isWhitespace(s.charAt(p)))) {
                    p++;
                }
                lexer.resumeAt(p);
            }
            return true;
        }

        private void begin(int i) {
            start = i;
            statementScs = lexer.standardConformingStrings();
            words = 0;
            create = false;
            orReplace = false;
            function = false;
            firstWordIsCopy = false;
            firstWordIsSet = false;
            parens = 0;
            lastWordBegin = false;
            lastWordFrom = false;
            atomicDepth = 0;
            copyFromStdin = false;
        }

        private void track(SqlLexer.Kind kind) {
            if (kind == SqlLexer.Kind.SYMBOL) {
                if (lexer.isSymbol('(')) {
                    parens++;
                } else if (lexer.isSymbol(')')) {
                    parens--;
                }
                lastWordBegin = false;
                lastWordFrom = false;
                return;
            }
            if (kind != SqlLexer.Kind.WORD) {
                lastWordBegin = false;
                lastWordFrom = false;
                return;
            }
            int w = words++;
            if (w == 0) {
                create = lexer.isWord("CREATE");
                firstWordIsCopy = lexer.isWord("COPY");
                firstWordIsSet = lexer.isWord("SET") || lexer.isWord("RESET") || lexer.isWord("SELECT");
            } else if (create && w <= 3 && !function) {
                if (w == 1 && lexer.isWord("OR")) {
                    orReplace = true;
                } else if (!(orReplace && w == 2 && lexer.isWord("REPLACE"))) {
                    function = (w == 1 || (orReplace && w == 3)) && (lexer.isWord("FUNCTION") || lexer.isWord("PROCEDURE"));
                    if (!function && (w == 1 || w == 3)) {
                        create = false; // some other CREATE
                    }
                }
            }
            if (function && parens == 0) {
                if (lastWordBegin && lexer.isWord("ATOMIC")) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && lexer.isWord("CASE")) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && lexer.isWord("END")) {
                    atomicDepth--;
                }
            }
            if (firstWordIsCopy && lastWordFrom && parens == 0 && lexer.isWord("STDIN")) {
                copyFromStdin = true;
            }
            lastWordBegin = lexer.isWord("BEGIN");
            lastWordFrom = lexer.isWord("FROM");
        }

        /** Ends the current statement: its text stops at {@code textEnd}, the script resumes at {@code resume}. */
        private void end(int textEnd, int resume) {
            int last = textEnd;
            while (last > start && (SqlLexer.isSpace(s.charAt(last - 1)) || SqlLexer.isUnicodeSpace(s.charAt(last - 1)))) {
                last--;
            }
            if (onlyUnicodeSpaces(s, start, last)) {
                start = -1; // a no-break space pasted after the last ';' (issue 18): whitespace to a reader, not a statement
                return;
            }
            int origStart = source.originalOffset(start);
            int origLast = source.changed() ? source.originalOffset(last) : last;
            List<SqlComment> leading = new ArrayList<>();
            for (int k = firstPendingComment; k < comments.size() && comments.get(k).offset() < origStart; k++) {
                SqlComment comment = comments.get(k);
                if (comment.line() != previousTerminatorLine) {
                    leading.add(comment);
                }
            }
            int endAt = source.originalOffset(Math.max(start, (resume > textEnd + 1 ? resume : last) - 1));
            statements.add(new SqlStatement(source.original(), origStart, Math.max(origStart, origLast), s, start, last,
                    lines.line(origStart), lines.column(origStart), lines.line(endAt), leading, statementScs));
            firstPendingComment = comments.size();
            previousTerminatorLine = lines.line(source.originalOffset(Math.min(textEnd, Math.max(0, n - 1))));
            if (firstWordIsSet) {
                settingChange(s.substring(start, last));
            }
            start = -1;
        }

        private static boolean onlyUnicodeSpaces(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!Character.isSpaceChar(text.charAt(i)) && !Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return to > from;
        }

        /**
         * SET [SESSION|LOCAL] standard_conforming_strings {=|TO} value, RESET standard_conforming_strings / ALL, and
         * SELECT set_config('standard_conforming_strings', value, ...).
         */
        private void settingChange(String statement) {
            if (!containsIgnoreCase(statement, "standard_conforming_strings") && !containsIgnoreCase(statement, "all")) {
                return;
            }
            SqlLexer l = new SqlLexer(statement);
            List<String> t = new ArrayList<>();
            while (l.next() && t.size() < 6) {
                if (l.kind() != SqlLexer.Kind.LINE_COMMENT && l.kind() != SqlLexer.Kind.BLOCK_COMMENT) {
                    String text = l.text();
                    if (l.kind() == SqlLexer.Kind.STRING || l.kind() == SqlLexer.Kind.QUOTED) {
                        text = text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
                    }
                    t.add(text.toLowerCase(Locale.ROOT));
                }
            }
            if (t.get(0).equals("select")) {
                // SELECT set_config('standard_conforming_strings', 'off', false)
                if (t.size() >= 6 && t.get(1).equals("set_config") && t.get(2).equals("(") && t.get(3).equals("standard_conforming_strings")
                        && t.get(4).equals(",")) {
                    lexer.standardConformingStrings(!isOff(t.get(5)));
                }
                return;
            }
            int i = 1;
            if (t.get(0).equals("reset")) {
                if (t.size() > 1 && (t.get(1).equals("standard_conforming_strings") || t.get(1).equals("all"))) {
                    lexer.standardConformingStrings(true);
                }
                return;
            }
            if (i < t.size() && (t.get(i).equals("session") || t.get(i).equals("local"))) {
                i++;
            }
            if (i + 2 < t.size() && t.get(i).equals("standard_conforming_strings") && (t.get(i + 1).equals("=") || t.get(i + 1).equals("to"))) {
                lexer.standardConformingStrings(!isOff(t.get(i + 2)));
            }
        }

        /** PostgreSQL's boolean spellings of false: off, false, no, 0 and their unique prefixes. */
        private static boolean isOff(String v) {
            return v.equals("0") || (v.length() >= 2 && "off".startsWith(v)) || (!v.isEmpty() && ("false".startsWith(v) || "no".startsWith(v)));
        }

        private static boolean containsIgnoreCase(String text, String word) {
            for (int i = 0; i + word.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
            return false;
        }

        private void addComment(int from, int to, boolean block) {
            int orig = source.originalOffset(from);
            comments.add(new SqlComment(s.substring(from, to), orig, lines.line(orig), lines.column(orig), block));
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
            int orig = source.originalOffset(at);
            int line = lines.line(orig);
            int col = lines.column(orig);
            problems.add(new SplitProblem(line, col, message + " opened at " + line + ":" + col));
        }
    }
}
