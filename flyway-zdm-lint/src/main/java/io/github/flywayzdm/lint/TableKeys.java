package io.github.flywayzdm.lint;

import java.util.List;
import java.util.Optional;

/**
 * Live unique keys, for judging what an UPDATE/DELETE of a table the migrations did not create can touch: equality on
 * every column of one of them pins at most one row. The linter alone knows only the keys the migrations declared; the
 * migrate-time callbacks read the live ones from {@code pg_index}. Asked only for a data change whose WHERE pins
 * columns the history cannot show to be a key.
 */
@FunctionalInterface
public interface TableKeys {

    /**
     * @param schema the schema as written in the migration, or the first schema of the search_path the script set
     *               before the statement; null when unqualified and the script has not set search_path: then the
     *               name means what the migration's own session resolves it to
     * @param table  the table name (unquoted, case as PostgreSQL stores it)
     * @return the column lists of the table's primary key and valid, non-partial unique indexes on plain columns
     *         (possibly none), or empty when the table is unknown
     */
    Optional<List<List<String>>> uniqueKeys(String schema, String table);

    static TableKeys unknown() {
        return (schema, table) -> Optional.empty();
    }
}
