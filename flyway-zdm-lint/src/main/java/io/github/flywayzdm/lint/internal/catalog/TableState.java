package io.github.flywayzdm.lint.internal.catalog;

import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as replayed from the migrations.
 *
 * @param ref             its name
 * @param columns         by normalized name, in declaration order
 * @param constraints     current constraints with their validation state
 * @param indexes         current indexes
 * @param partitioned     a partitioned parent (PARTITION BY)
 * @param createdInScript path of the migration that created it
 */
public record TableState(TableRef ref, Map<String, ColumnState> columns, List<ConstraintState> constraints,
                         List<IndexState> indexes, boolean partitioned, String createdInScript) {

    public record ColumnState(String name, TypeName type, boolean notNull, boolean hasDefault) {
    }

    /** @param validated false while NOT VALID and not yet validated */
    public record ConstraintState(ConstraintDef def, boolean validated) {
    }

    /** @param columns key columns (normalized names, or expressions as written) */
    public record IndexState(String name, List<String> columns, boolean unique, String where) {
    }

    public Optional<ColumnState> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** A validated {@code CHECK (col IS NOT NULL)} exists: on PG 12+ SET NOT NULL can skip its scan. */
    public boolean hasValidatedNotNullCheck(String column) {
        return constraints.stream().anyMatch(c -> c.validated() && c.def().kind() == ConstraintDef.Kind.CHECK
                && c.def().expression() != null && NotNullChecks.proves(c.def().expression(), column));
    }

    /** Some index has exactly these leading columns (in order), e.g. to serve a foreign key. */
    public boolean hasIndexLeadingWith(List<String> leading) {
        return indexes.stream().anyMatch(i -> i.where() == null && i.columns().size() >= leading.size()
                && i.columns().subList(0, leading.size()).equals(leading));
    }
}
