package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a validated CHECK already proves it (PG 12+). */
final class SetNotNullScan extends OperationRule<Operation.SetNotNull> {

    SetNotNullScan() {
        super(Operation.SetNotNull.class, "set-not-null-scan", Severity.ERROR, Category.LOCKING,
                "ALTER COLUMN ... SET NOT NULL that scans the table",
                "SET NOT NULL reads every row to prove there is no NULL, holding ACCESS EXCLUSIVE (no reads, no writes) "
                        + "for the whole scan. PostgreSQL 12+ skips the scan when a validated CHECK (col IS NOT NULL) exists.",
                "ALTER TABLE t ADD CONSTRAINT t_c_not_null CHECK (c IS NOT NULL) NOT VALID;  -- migration 1: instant\n"
                        + "ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null;  -- migration 2: scans under SHARE UPDATE EXCLUSIVE, traffic flows\n"
                        + "ALTER TABLE t ALTER COLUMN c SET NOT NULL;       -- migration 3: no scan (PG 12+)\n"
                        + "ALTER TABLE t DROP CONSTRAINT t_c_not_null;",
                "PG 12+: a validated CHECK (col IS NOT NULL) makes SET NOT NULL catalog-only (PostgreSQL 12 release notes: "
                        + "'Allow ALTER TABLE ... SET NOT NULL to avoid unnecessary table scans'); on 10 and 11 SET NOT NULL always scans. PG 18: ADD CONSTRAINT n NOT NULL c "
                        + "NOT VALID, then VALIDATE CONSTRAINT n, does the same in two steps.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.SetNotNull s) {
        if (!existing(ctx, s.table())) {
            return;
        }
        boolean proven = ctx.catalog().table(s.table()).map(t -> t.hasValidatedNotNullCheck(s.column())).orElse(false);
        if (proven && ctx.pgMajor() >= 12) {
            return;
        }
        String t = s.table().toString();
        String c = s.column();
        String steps = ctx.pgMajor() < 12
                ? "-- before PostgreSQL 12 no constraint spares SET NOT NULL its scan under ACCESS EXCLUSIVE:\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + s.table().name() + "_" + c + "_not_null CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + s.table().name() + "_" + c + "_not_null;  -- separate migration; "
                + "the CHECK enforces the rule without SET NOT NULL"
                : ctx.pgMajor() >= 18
                ? "ALTER TABLE " + t + " ADD CONSTRAINT " + s.table().name() + "_" + c + "_not_null NOT NULL " + c + " NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + s.table().name() + "_" + c + "_not_null;  -- separate migration"
                : "ALTER TABLE " + t + " ADD CONSTRAINT " + s.table().name() + "_" + c + "_not_null CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + s.table().name() + "_" + c + "_not_null;  -- separate migration\n"
                + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;  -- separate migration, no scan\n"
                + "ALTER TABLE " + t + " DROP CONSTRAINT " + s.table().name() + "_" + c + "_not_null;";
        ctx.report(s.table(), "SET NOT NULL on " + t + "." + c + " scans the whole table under ACCESS EXCLUSIVE"
                + (ctx.pgMajor() < 12 && proven ? " (before PostgreSQL 12 the validated CHECK (" + c + " IS NOT NULL) does not help)"
                : " (no validated CHECK (" + c + " IS NOT NULL) precedes it)"), steps);
    }
}
