package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** An integer/smallint/serial primary key (prefer bigint identity) */
public final class PreferBigintPrimaryKey extends BaseRule {

    public PreferBigintPrimaryKey() {
        super("prefer-bigint-primary-key", Severity.INFO, Category.HYGIENE,
                "An integer/smallint/serial primary key (prefer bigint identity)",
                "A 32-bit key runs out at 2.1 billion; widening it later rewrites the table and every referencing foreign key.",
                "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                "");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.CreateTable.class, t -> t.columns().forEach(c -> inspect(ctx, t.table(), c)));
        each(ctx, Operation.AddColumn.class, a -> inspect(ctx, a.table(), a.column()));
    }

    private static void inspect(StatementContext ctx, TableRef table, ColumnDef c) {
        if (c.type() != null && c.inlinePrimaryKey() && (c.type().is("integer") || c.type().is("smallint") || c.type().is("serial") || c.type().is("smallserial"))) {
            ctx.report(null, "Primary key " + table + "." + c.name() + " is " + c.type() + ": prefer bigint GENERATED ALWAYS AS IDENTITY", null);
        }
    }
}
