package io.github.flywayzdm.lint.internal.model;

import java.util.List;

/**
 * A table constraint as declared in CREATE TABLE or ADD CONSTRAINT.
 *
 * @param name       normalized name, or null when PostgreSQL will generate one
 * @param kind       what it enforces
 * @param columns    the constrained columns (normalized), empty for CHECK/EXCLUDE when not known
 * @param expression CHECK expression or EXCLUDE element list as written, else null
 * @param references referenced table for FOREIGN KEY, else null
 * @param notValid   declared NOT VALID
 * @param usingIndex the index of {@code UNIQUE/PRIMARY KEY USING INDEX idx}, else null
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, String expression, TableRef references,
                            boolean notValid, String usingIndex) {

    public enum Kind { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE, NOT_NULL }

    public ConstraintDef {
        columns = List.copyOf(columns);
    }
}
