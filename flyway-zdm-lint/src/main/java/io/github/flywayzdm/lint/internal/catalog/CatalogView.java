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
}
