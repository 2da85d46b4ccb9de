package io.github.flywayzdm.lint.report;

import io.github.flywayzdm.lint.ControlChars;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.LintReport;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The compiler-style text report, written piece by piece: the findings of one script after another
 * ({@link #findings}), then the closing lines ({@link #end}). The pieces put together are exactly
 * {@link ReportWriter#render render(report, TEXT)}, so a front end can render the first scripts' findings while the
 * last are still linted. One instance per report; not thread-safe.
 */
public final class TextReport {

    /** Line ends as the regex {@code \R} matches them, compiled once ({@code String.split} compiles it per call). */
    private static final Pattern LINE_END = Pattern.compile("\\R");

    /**
     * Names may carry ANSI escapes: every piece is escaped (escaping is per character, so the pieces escaped one by
     * one give the text escaped whole); the file, rule, why and fix are the same few strings finding after finding,
     * escaped once each.
     */
    private final Map<String, String> repeated = new IdentityHashMap<>();

    /** The text of {@code findings} (suppressed ones are left out, as the report leaves them out), in their order. */
    public String findings(List<Finding> findings) {
        StringBuilder b = new StringBuilder(findings.size() * 400);
        for (Finding f : findings) {
            if (!f.suppressed()) {
                append(b, f);
            }
        }
        return b.toString();
    }

    private void append(StringBuilder b, Finding f) {
        b.append(repeated.computeIfAbsent(f.file(), ControlChars::escape)).append(':').append(f.line()).append(':')
                .append(f.column()).append(": ").append(f.severity().name().toLowerCase(Locale.ROOT)).append('[')
                .append(repeated.computeIfAbsent(f.ruleId(), ControlChars::escape)).append("] ")
                .append(ControlChars.escape(f.message())).append('\n');
        for (String line : LINE_END.split(f.excerpt())) {
            if (!line.isBlank()) {
                b.append("    | ").append(ControlChars.escape(line)).append('\n');
            }
        }
        b.append("    = why: ").append(repeated.computeIfAbsent(f.why(), ControlChars::escape)).append('\n');
        b.append("    = fix: ").append(repeated.computeIfAbsent(f.safeAlternative(), TextReport::fixText)).append('\n');
    }

    private static String fixText(String safeAlternative) {
        return ControlChars.escape(safeAlternative.replace("\n", "\n           "));
    }

    /** The closing lines of {@code report}: what to fix first (when anything was found) and the summary. */
    public static String end(LintReport report) {
        StringBuilder b = new StringBuilder();
        report.fixFirst().ifPresent(line -> b.append(ControlChars.escape(line)).append('\n'));
        return b.append(ControlChars.escape(report.summary())).append('\n').toString();
    }
}
