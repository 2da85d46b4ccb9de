package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.Optional;

/** Read-only schema state replayed from the migrations: what rules may ask about tables. */
public interface CatalogView {

    /** The table (or partitioned table / materialized view) as known from the migrations, if it was created in them. */
    Optional<TableState> table(TableRef ref);

    /** The column as the migrations left it, if they created its table and the table has a column of that name. */
    default Optional<TableState.ColumnState> column(TableRef table, String column) {
        return table(table).flatMap(t -> t.column(column));
    }

    /** True when the migrations created the table as a partitioned parent (PARTITION BY). */
    default boolean partitioned(TableRef table) {
        return table(table).map(TableState::partitioned).orElse(false);
    }

    /** A function or procedure the migrations created (by unqualified name; the last definition wins). */
    default Optional<io.github.flywayzdm.lint.internal.model.Operation.CreateFunction> function(String name) {
        return Optional.empty();
    }

    /** IMMUTABLE, STABLE or VOLATILE for a function the migrations created (by name, any schema), if any did. */
    default Optional<String> functionVolatility(String name) {
        return function(name).map(io.github.flywayzdm.lint.internal.model.Operation.CreateFunction::volatility);
    }

    /** True when the migrations created the table UNLOGGED (or TEMP) and did not SET LOGGED it since. */
    default boolean unlogged(TableRef ref) {
        return false;
    }
}
