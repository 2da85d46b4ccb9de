package io.github.flywayzdm.lint.internal.rules.hygiene;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.Set;

/** json has no equality operator and is re-parsed on every access: prefer jsonb. */
final class JsonColumn extends BaseRule {

    JsonColumn() {
        super("json-column", Severity.INFO, Category.HYGIENE,
                "A json column (prefer jsonb)",
                "json stores text and re-parses it on every access; it has no equality operator, so DISTINCT, UNION, "
                        + "GROUP BY and many ORMs' dirty checks fail on it. Converting later is a table rewrite.",
                "Use jsonb.", "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateTable.class, Operation.AddColumn.class, Operation.AlterColumnType.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.AddColumn op : ctx.statement().all(Operation.AddColumn.class)) {
            report(ctx, op.column(), op.table().toString());
        }
        for (Operation.CreateTable op : ctx.statement().all(Operation.CreateTable.class)) {
            op.columns().forEach(c -> report(ctx, c, op.table().toString()));
        }
        for (Operation.AlterColumnType op : ctx.statement().all(Operation.AlterColumnType.class)) {
            if (isJson(op.newType())) {
                ctx.report(null, "Column " + op.table() + "." + op.column() + " becomes json: prefer jsonb", null);
            }
        }
    }

    private static void report(StatementContext ctx, ColumnDef c, String table) {
        if (isJson(c.type())) {
            ctx.report(null, "Column " + table + "." + c.name() + " is json: prefer jsonb", null);
        }
    }

    private static boolean isJson(TypeName type) {
        return type != null && type.is("json");
    }
}
