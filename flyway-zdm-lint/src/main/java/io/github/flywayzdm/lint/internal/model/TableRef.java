package io.github.flywayzdm.lint.internal.model;

/**
 * A relation name as PostgreSQL resolves it: unquoted parts folded to lower case, quoted parts kept.
 *
 * @param schema null when unqualified
 * @param name   never null
 */
public record TableRef(String schema, String name) {

    public static TableRef of(String name) {
        return new TableRef(null, name);
    }

    /** Parses {@code a}, {@code s.a}, {@code "S"."A"} with PostgreSQL's folding rules. */
    public static TableRef parse(String qualified) {
        java.util.List<String> parts = Identifiers.splitQualified(qualified);
        return parts.size() >= 2
                ? new TableRef(parts.get(parts.size() - 2), parts.get(parts.size() - 1))
                : new TableRef(null, parts.isEmpty() ? "" : parts.get(0));
    }

    /** True when both name the same relation, treating an unqualified name as matching any schema. */
    public boolean sameAs(TableRef other) {
        return other != null && name.equals(other.name)
                && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** SQL form, quoted where needed. */
    public String sql() {
        return schema == null ? Identifiers.quoteIfNeeded(name) : Identifiers.quoteIfNeeded(schema) + "." + Identifiers.quoteIfNeeded(name);
    }

    @Override
    public String toString() {
        return sql();
    }

    // written out: a record's generated equals/hashCode are linked through invokedynamic at their first call, 2% of a
    // short CLI call for this class alone; same values as the generated ones (31 * schema + name), so hash orders stay
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TableRef t && java.util.Objects.equals(schema, t.schema) && java.util.Objects.equals(name, t.name);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(schema) + java.util.Objects.hashCode(name);
    }
}
