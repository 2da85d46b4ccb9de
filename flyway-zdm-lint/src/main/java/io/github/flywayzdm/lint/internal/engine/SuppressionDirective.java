package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.internal.split.SqlComment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-SQL suppression: {@code -- zdm:ignore rule-a, rule-b: reason} (the next statement) or
 * {@code -- zdm:ignore-file rule-a: reason} (the whole file), also inside block comments.
 *
 * @param ruleIds  the ids it names
 * @param fileWide true for zdm:ignore-file
 * @param reason   the text after the colon, "" when missing
 * @param line     where it is
 * @param column   where it is
 */
record SuppressionDirective(Set<String> ruleIds, boolean fileWide, String reason, int line, int column) {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "zdm:ignore(-file)?(?=[\\s:]|$)\\s*([A-Za-z0-9_,\\s-]*?)\\s*(?::(.*))?$", Pattern.MULTILINE);

    static List<SuppressionDirective> parse(SqlComment comment) {
        List<SuppressionDirective> out = new ArrayList<>();
        String body = comment.body();
        Matcher m = DIRECTIVE.matcher(body);
        while (m.find()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : m.group(2).split("[,\\s]+")) {
                if (!id.isBlank()) {
                    ids.add(id.trim().toLowerCase(Locale.ROOT));
                }
            }
            String reason = m.group(3) == null ? "" : m.group(3).replaceAll("\\*/$", "").strip();
            int lineOffset = (int) body.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
            out.add(new SuppressionDirective(ids, m.group(1) != null, reason, comment.line() + lineOffset, comment.column()));
        }
        return out;
    }

    boolean covers(String ruleId) {
        return ruleIds.contains(ruleId);
    }
}
