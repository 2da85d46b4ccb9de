package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A varchar(n) column (prefer text, with a CHECK if a limit matters) */
public final class PreferTextOverVarchar extends BaseRule {

    public PreferTextOverVarchar() {
        super("prefer-text-over-varchar", Severity.INFO, Category.HYGIENE,
                "A varchar(n) column (prefer text, with a CHECK if a limit matters)",
                "varchar(n) and text are stored the same way; a length limit baked into the type makes later changes awkward (shrinking it rewrites the table).",
                "c text, with CHECK (char_length(c) <= n) NOT VALID + VALIDATE when a limit is a business rule",
                "");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.CreateTable.class, t -> t.columns().forEach(c -> inspect(ctx, t.table(), c)));
        each(ctx, Operation.AddColumn.class, a -> inspect(ctx, a.table(), a.column()));
    }

    private static void inspect(StatementContext ctx, TableRef table, ColumnDef c) {
        if (c.type() != null && c.type().is("character varying") && !c.type().modifiers().isEmpty()) {
            ctx.report(null, "Column " + table + "." + c.name() + " is " + c.type() + ": prefer text (a CHECK constraint can hold the limit)", null);
        }
    }
}
