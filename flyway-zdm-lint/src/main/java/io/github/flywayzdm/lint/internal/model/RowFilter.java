package io.github.flywayzdm.lint.internal.model;

import java.util.List;

/**
 * What the WHERE clause of an UPDATE/DELETE can touch, as far as its text shows.
 *
 * @param present  there is a top-level WHERE at all
 * @param pinned   columns the WHERE fixes to one value or a short list of values in a top-level AND
 *                 ({@code id = 42}, {@code code = 'x'}, {@code id IN (1, 2, 3)}, {@code id = $1}), normalized
 * @param limited  the rows come from a subquery or CTE bounded by {@code LIMIT n} (a bounded batch)
 */
public record RowFilter(boolean present, List<String> pinned, boolean limited) {

    public static final RowFilter NONE = new RowFilter(false, List.of(), false);

    public RowFilter {
        pinned = List.copyOf(pinned);
    }
}
