package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.FunctionCalls;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.rules.Volatility;

/** ADD COLUMN with a volatile DEFAULT must compute a value per row: a full rewrite under ACCESS EXCLUSIVE. */
final class AddColumnVolatileDefault extends OperationRule<Operation.AddColumn> {

    AddColumnVolatileDefault() {
        super(Operation.AddColumn.class, "add-column-volatile-default", Severity.ERROR, Category.LOCKING,
                "ADD COLUMN with a volatile DEFAULT (gen_random_uuid(), random(), clock_timestamp(), nextval(), ...)",
                "Since PostgreSQL 11 a non-volatile default is stored once in the catalog, but a volatile one is "
                        + "evaluated for every existing row: the table and all its indexes are rewritten while an ACCESS "
                        + "EXCLUSIVE lock blocks all reads and writes.",
                "ALTER TABLE t ADD COLUMN c type;              -- nullable, catalog-only\n"
                        + "ALTER TABLE t ALTER COLUMN c SET DEFAULT expr; -- new rows only\n"
                        + "-- then backfill existing rows in batches (flyway-zdm-backfill), and add NOT NULL the safe way",
                "now()/CURRENT_TIMESTAMP are STABLE, hence safe. A function the migrations created counts by its declared "
                        + "volatility (none written = VOLATILE, PostgreSQL's default); unknown functions count as volatile. "
                        + "PostgreSQL 10 and older rewrite the table for any non-null default (PostgreSQL 11 release notes: "
                        + "'Allow ALTER TABLE to add a column with a non-null default without doing a table rewrite').");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddColumn a) {
        String def = a.column().defaultExpr();
        if (def != null && !def.equalsIgnoreCase("NULL") && existing(ctx, a.table()) && ctx.pgMajor() < 11) {
            ctx.report(a.table(), "Column " + a.column().name() + " on " + a.table() + " gets a DEFAULT: before PostgreSQL 11 "
                    + "any default rewrites the whole table under ACCESS EXCLUSIVE", "ALTER TABLE " + a.table() + " ADD COLUMN "
                    + a.column().name() + " " + a.column().type() + ";\nALTER TABLE " + a.table() + " ALTER COLUMN "
                    + a.column().name() + " SET DEFAULT " + def + ";  -- new rows only\n-- then backfill old rows in batches");
            return;
        }
        if (def != null && existing(ctx, a.table()) && Volatility.isVolatile(def, ctx.catalog()::functionVolatility)
                && FunctionCalls.misuse(def, ctx.pgMajor(), n -> ctx.catalog().functionVolatility(n).isPresent()).isEmpty()) {
            // a call PostgreSQL rejects rewrites nothing: invalid-function-call reports it
            ctx.report(a.table(), "Column " + a.column().name() + " on " + a.table() + " gets the volatile default "
                    + def + ": the whole table is rewritten under ACCESS EXCLUSIVE",
                    "ALTER TABLE " + a.table() + " ADD COLUMN " + a.column().name() + " " + a.column().type() + ";\n"
                            + "ALTER TABLE " + a.table() + " ALTER COLUMN " + a.column().name() + " SET DEFAULT " + def + ";\n"
                            + "-- then backfill old rows in batches with flyway-zdm-backfill");
        }
    }
}
