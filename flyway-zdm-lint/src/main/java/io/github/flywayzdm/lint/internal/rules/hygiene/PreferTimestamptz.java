package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A timestamp without time zone column (prefer timestamptz) */
public final class PreferTimestamptz extends BaseRule {

    public PreferTimestamptz() {
        super("prefer-timestamptz", Severity.INFO, Category.HYGIENE,
                "A timestamp without time zone column (prefer timestamptz)",
                "timestamp without time zone stores wall-clock values with no zone: values written from servers in different zones (or across DST changes) cannot be compared.",
                "c timestamptz",
                "");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.CreateTable.class, t -> t.columns().forEach(c -> inspect(ctx, t.table(), c)));
        each(ctx, Operation.AddColumn.class, a -> inspect(ctx, a.table(), a.column()));
    }

    private static void inspect(StatementContext ctx, TableRef table, ColumnDef c) {
        if (c.type() != null && c.type().is("timestamp without time zone")) {
            ctx.report(null, "Column " + table + "." + c.name() + " is timestamp without time zone: prefer timestamptz", null);
        }
    }
}
