package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;

import java.util.List;
import java.util.Set;

/** A foreign key without an index on its columns: deletes on the parent scan the child table. */
final class ForeignKeyWithoutIndex extends BaseRule {

    ForeignKeyWithoutIndex() {
        super("foreign-key-without-index", Severity.INFO, Category.HYGIENE,
                "A foreign key whose columns have no index",
                "Every DELETE or key UPDATE on the referenced table scans the referencing table to check the constraint, "
                        + "holding locks while it does; joins on the key are slow too.",
                "CREATE INDEX CONCURRENTLY t_c_idx ON t (c);  -- own migration (no IF NOT EXISTS: it would skip an INVALID "
                        + "index left by a failed build)",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateTable.class, Operation.AddConstraint.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.AddConstraint a : ctx.statement().all(Operation.AddConstraint.class)) {
            ConstraintDef c = a.constraint();
            if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                inspect(ctx, a.table(), c.columns());
            }
        }
        for (Operation.CreateTable t : ctx.statement().all(Operation.CreateTable.class)) {
            t.constraints().stream().filter(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY && !keyedInTable(t, c.columns()))
                    .forEach(c -> inspect(ctx, t.table(), c.columns()));
            t.columns().stream().filter(c -> c.references() != null && !keyedInTable(t, List.of(c.name())))
                    .forEach(c -> inspect(ctx, t.table(), List.of(c.name())));
        }
    }

    private static void inspect(StatementContext ctx, TableRef table, List<String> columns) {
        if (columns.isEmpty() || indexedLater(ctx, table, columns)
                || ctx.catalog().table(table).map(t -> t.hasIndexLeadingWith(columns)).orElse(false)) {
            return;
        }
        ctx.report(null, "Foreign key on " + table + " (" + String.join(", ", columns) + ") has no index on those columns",
                "CREATE INDEX CONCURRENTLY " + table.name() + "_" + String.join("_", columns) + "_idx ON "
                        + table + " (" + String.join(", ", columns) + ");  -- own migration");
    }

    /** A PRIMARY KEY or UNIQUE of the same CREATE TABLE starts with these columns: its index serves the key. */
    private static boolean keyedInTable(Operation.CreateTable t, List<String> columns) {
        boolean inline = columns.size() == 1 && t.columns().stream()
                .anyMatch(c -> c.name().equals(columns.get(0)) && (c.inlinePrimaryKey() || c.inlineUnique()));
        return inline || t.constraints().stream().anyMatch(c -> (c.kind() == ConstraintDef.Kind.PRIMARY_KEY
                || c.kind() == ConstraintDef.Kind.UNIQUE) && c.columns().size() >= columns.size()
                && c.columns().subList(0, columns.size()).equals(columns));
    }

    /** An index with these leading columns created later in the same migration. */
    private static boolean indexedLater(StatementContext ctx, TableRef table, List<String> columns) {
        for (int i = ctx.index() + 1; i < ctx.script().size(); i++) {
            for (Operation.CreateIndex idx : ctx.script().get(i).all(Operation.CreateIndex.class)) {
                if (idx.table().sameAs(table) && idx.columns().size() >= columns.size()
                        && idx.columns().subList(0, columns.size()).equals(columns)) {
                    return true;
                }
            }
        }
        return false;
    }
}
