package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.rules.Volatility;

/** ADD COLUMN with a volatile DEFAULT must compute a value per row: a full rewrite under ACCESS EXCLUSIVE. */
public final class AddColumnVolatileDefault extends BaseRule {

    public AddColumnVolatileDefault() {
        super("add-column-volatile-default", Severity.ERROR, Category.LOCKING,
                "ADD COLUMN with a volatile DEFAULT (gen_random_uuid(), random(), clock_timestamp(), nextval(), ...)",
                "Since PostgreSQL 11 a non-volatile default is stored once in the catalog, but a volatile one is "
                        + "evaluated for every existing row: the table and all its indexes are rewritten while an ACCESS "
                        + "EXCLUSIVE lock blocks all reads and writes.",
                "ALTER TABLE t ADD COLUMN c type;              -- nullable, catalog-only\n"
                        + "ALTER TABLE t ALTER COLUMN c SET DEFAULT expr; -- new rows only\n"
                        + "-- then backfill existing rows in batches (flyway-zdm-backfill), and add NOT NULL the safe way",
                "now()/CURRENT_TIMESTAMP are STABLE, hence safe. Any default rewrote the table before PostgreSQL 11.");
    }

    @Override
    public void check(StatementContext ctx) {
        each(ctx, Operation.AddColumn.class, a -> {
            String def = a.column().defaultExpr();
            if (def != null && existing(ctx, a.table()) && Volatility.isVolatile(def)) {
                ctx.report(a.table(), "Column " + a.column().name() + " on " + a.table() + " gets the volatile default "
                        + def + ": the whole table is rewritten under ACCESS EXCLUSIVE",
                        "ALTER TABLE " + a.table() + " ADD COLUMN " + a.column().name() + " " + a.column().type() + ";\n"
                                + "ALTER TABLE " + a.table() + " ALTER COLUMN " + a.column().name() + " SET DEFAULT " + def + ";\n"
                                + "-- then backfill old rows in batches with flyway-zdm-backfill");
            }
        });
    }
}
