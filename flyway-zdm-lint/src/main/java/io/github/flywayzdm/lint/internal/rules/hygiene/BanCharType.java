package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A char(n) column */
public final class BanCharType extends BaseRule {

    public BanCharType() {
        super("ban-char-type", Severity.INFO, Category.HYGIENE,
                "A char(n) column",
                "char(n) pads values with spaces, which surprises comparisons and clients, and is no faster than text.",
                "c text (with a CHECK on the length if needed)",
                "");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.CreateTable.class, t -> t.columns().forEach(c -> inspect(ctx, t.table(), c)));
        each(ctx, Operation.AddColumn.class, a -> inspect(ctx, a.table(), a.column()));
    }

    private static void inspect(StatementContext ctx, TableRef table, ColumnDef c) {
        if (c.type() != null && c.type().is("character")) {
            ctx.report(null, "Column " + table + "." + c.name() + " is " + c.type() + ": prefer text", null);
        }
    }
}
