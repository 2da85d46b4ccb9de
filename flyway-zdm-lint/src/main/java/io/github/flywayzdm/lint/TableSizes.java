package io.github.flywayzdm.lint;

import java.util.OptionalLong;

/**
 * Live table sizes, for size-aware verdicts: a blocking operation on a table below the configured row threshold is
 * reported as info instead of failing. The linter alone knows no sizes; the migrate-time callbacks read them from
 * {@code pg_class.reltuples}.
 */
@FunctionalInterface
public interface TableSizes {

    /**
     * @param schema the schema as written in the migration, or the first schema of the search_path the script set
     *               before the statement; null when unqualified and the script has not set search_path: then the
     *               name means what the migration's own session resolves it to
     * @param table  the table name (unquoted, case as PostgreSQL stores it)
     * @return the estimated row count, or empty when unknown
     */
    OptionalLong estimatedRows(String schema, String table);

    static TableSizes unknown() {
        return (schema, table) -> OptionalLong.empty();
    }
}
