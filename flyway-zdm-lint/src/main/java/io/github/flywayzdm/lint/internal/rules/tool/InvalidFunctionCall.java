package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.FunctionCalls;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** A DEFAULT calling a built-in the way PostgreSQL rejects ({@code now(123)}, {@code current_date()}): the migration fails. */
final class InvalidFunctionCall extends BaseRule {

    InvalidFunctionCall() {
        super("invalid-function-call", Severity.ERROR, Category.TOOL,
                "A DEFAULT that calls a built-in function with arguments PostgreSQL rejects (now(123), current_date(), random(1, 10) before 17)",
                "PostgreSQL resolves the call when the statement runs and rejects it (function now(integer) does not exist, or a "
                        + "syntax error): the migration fails at deploy time, and in a migration without a transaction the "
                        + "statements before it stay applied. A linter that reads now(...) as 'now, stable' passes it silently.",
                "ALTER TABLE t ADD COLUMN created_at timestamptz DEFAULT now();           -- no arguments\n"
                        + "ALTER TABLE t ADD COLUMN created_at timestamptz DEFAULT current_timestamp(3); -- keyword, precision only",
                "Judged: the argument count of now, clock_timestamp, statement_timestamp, transaction_timestamp, timeofday, "
                        + "gen_random_uuid, random (0, and 2 from PostgreSQL 17), nextval, lower, upper, md5, current_setting, "
                        + "date_trunc, to_char, ...; parentheses after current_date/current_user/session_user/current_role; "
                        + "anything but an unsigned integer in current_timestamp(p)/localtimestamp(p). Not judged: argument "
                        + "types, and functions the migrations created under the same name.");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateTable.class, Operation.AddColumn.class, Operation.AlterColumnDefault.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.AddColumn a : ctx.statement().all(Operation.AddColumn.class)) {
            inspect(ctx, a.table(), a.column().name(), a.column().defaultExpr());
        }
        for (Operation.AlterColumnDefault d : ctx.statement().all(Operation.AlterColumnDefault.class)) {
            inspect(ctx, d.table(), d.column(), d.expression());
        }
        for (Operation.CreateTable t : ctx.statement().all(Operation.CreateTable.class)) {
            for (ColumnDef c : t.columns()) {
                inspect(ctx, t.table(), c.name(), c.defaultExpr());
            }
        }
    }

    private static void inspect(StatementContext ctx, TableRef table, String column, String expression) {
        FunctionCalls.misuse(expression, ctx.pgMajor(), name -> ctx.catalog().functionVolatility(name).isPresent())
                .ifPresent(why -> ctx.report(table, "The DEFAULT of " + table + "." + column + " fails when the migration runs: " + why, null));
    }
}
