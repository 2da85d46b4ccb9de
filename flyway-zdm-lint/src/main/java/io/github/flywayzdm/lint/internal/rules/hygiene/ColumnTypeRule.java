package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** A hygiene rule about the type of columns declared in CREATE TABLE or ADD COLUMN. */
abstract class ColumnTypeRule extends BaseRule {

    ColumnTypeRule(String id, String summary, String why, String safeAlternative) {
        super(id, Severity.INFO, Category.HYGIENE, summary, why, safeAlternative, "");
    }

    /** True when this column's declaration is what the rule is about (its type is known). */
    abstract boolean flags(ColumnDef column);

    abstract String message(TableRef table, ColumnDef column);

    @Override
    public final Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateTable.class, Operation.AddColumn.class);
    }

    @Override
    public final void check(StatementContext ctx) {
        for (Operation.CreateTable t : ctx.statement().all(Operation.CreateTable.class)) {
            t.columns().forEach(c -> inspect(ctx, t.table(), c));
        }
        for (Operation.AddColumn a : ctx.statement().all(Operation.AddColumn.class)) {
            inspect(ctx, a.table(), a.column());
        }
    }

    private void inspect(StatementContext ctx, TableRef table, ColumnDef c) {
        if (c.type() != null && flags(c)) {
            ctx.report(null, message(table, c), null);
        }
    }
}
