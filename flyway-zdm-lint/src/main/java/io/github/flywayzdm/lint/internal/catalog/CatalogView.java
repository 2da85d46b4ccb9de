package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.Optional;

/** Read-only schema state replayed from the migrations: what rules may ask about tables. */
public interface CatalogView {

    /** The table (or partitioned table / materialized view) as known from the migrations, if it was created in them. */
    Optional<TableState> table(TableRef ref);

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
