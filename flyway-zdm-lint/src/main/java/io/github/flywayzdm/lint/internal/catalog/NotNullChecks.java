package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.Identifiers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognizes CHECK expressions that prove a column is not null, as PostgreSQL's SET NOT NULL shortcut does. */
final class NotNullChecks {

    private static final Pattern IS_NOT_NULL = Pattern.compile(
            "^\\(*\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$", Pattern.CASE_INSENSITIVE);

    private NotNullChecks() {
    }

    /** True for {@code col IS NOT NULL}, with any parentheses; false for anything more complex (PostgreSQL needs the plain form). */
    static boolean proves(String expression, String column) {
        Matcher m = IS_NOT_NULL.matcher(expression.trim());
        return m.matches() && Identifiers.normalize(m.group(1)).equals(column);
    }
}
