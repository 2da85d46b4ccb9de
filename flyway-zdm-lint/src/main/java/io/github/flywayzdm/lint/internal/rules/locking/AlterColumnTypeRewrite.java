package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.TypeName;
import io.github.flywayzdm.lint.internal.rules.TypeChanges;

/** A type change that is not binary-coercible rewrites the table and every index under ACCESS EXCLUSIVE. */
final class AlterColumnTypeRewrite extends OperationRule<Operation.AlterColumnType> {

    AlterColumnTypeRewrite() {
        super(Operation.AlterColumnType.class, "alter-column-type-rewrite", Severity.ERROR, Category.LOCKING,
                "ALTER COLUMN ... TYPE that rewrites the table",
                "Unless the old type is binary-coercible to the new one, PostgreSQL rewrites the table and rebuilds all "
                        + "its indexes under ACCESS EXCLUSIVE: no reads or writes until it finishes.",
                "ALTER TABLE t ADD COLUMN c_new newtype;  -- keep it in step with a trigger\n"
                        + "-- backfill c_new in batches (flyway-zdm-backfill), switch the application, then drop c and rename",
                "No rewrite: varchar(n)→varchar(m>=n), varchar→text, varchar(n)→varchar, numeric(p,s)→numeric(p'>=p,s), "
                        + "numeric(p,s)→numeric, cidr→inet, precision increases of timestamp/time/interval; "
                        + "text↔citext, varchar→citext, timestamp↔timestamptz only on PG 12+ with the session TimeZone set to UTC. "
                        + "A USING that is only the column cast to the new type (USING c::text) is judged as if absent; any other "
                        + "USING expression rewrites.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterColumnType a) {
        if (!existing(ctx, a.table())) {
            return;
        }
        TypeName old = ctx.catalog().column(a.table(), a.column()).map(TableState.ColumnState::type).orElse(null);
        if (old != null && (a.using() == null || a.usingPlainCast()) && !TypeChanges.rewrites(old, a.newType(), ctx.pgMajor(), sessionUtc(ctx))) {
            return;
        }
        String from = old == null ? "its current type (not known from the migrations)" : old.toString();
        ctx.report(a.table(), "Changing " + a.table() + "." + a.column() + " from " + from + " to " + a.newType()
                + (a.using() != null && !a.usingPlainCast() ? " with USING" : "") + " rewrites the table under ACCESS EXCLUSIVE", null);
    }

    /** An earlier {@code SET [LOCAL] TimeZone = 'UTC'} in the script. */
    private static boolean sessionUtc(StatementContext ctx) {
        for (int i = 0; i < ctx.index(); i++) {
            AnalyzedStatement s = ctx.script().get(i);
            for (Operation.SetSetting set : s.all(Operation.SetSetting.class)) {
                if (set.name().equals("timezone") && set.value() != null
                        && set.value().replace("'", "").matches("(?i)(etc/)?(utc|gmt|zulu)")) {
                    return true;
                }
            }
        }
        return false;
    }
}
