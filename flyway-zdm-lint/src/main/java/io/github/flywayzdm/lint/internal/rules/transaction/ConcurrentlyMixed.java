package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;

/** A non-transactional statement mixed with others: a failure halfway leaves the migration half applied. */
final class ConcurrentlyMixed extends BaseRule {

    ConcurrentlyMixed() {
        super("concurrently-mixed", Severity.WARNING, Category.TRANSACTION,
                "A CONCURRENTLY statement shares its migration with other statements",
                "A migration with a CONCURRENTLY statement runs without a transaction (Flyway refuses it unless "
                        + "mixed=true). If any statement fails, the ones before it stay applied and Flyway marks the "
                        + "migration failed: a half-applied schema to repair by hand. A failed CONCURRENTLY build also leaves "
                        + "an INVALID index behind.",
                "One CONCURRENTLY statement per migration, or only re-runnable ones: DROP INDEX CONCURRENTLY IF EXISTS i; "
                        + "CREATE INDEX CONCURRENTLY i ... (the drop clears the INVALID index a failed build leaves; "
                        + "IF NOT EXISTS alone would skip it)",
                "Not reported when every statement is re-runnable (CREATE INDEX CONCURRENTLY IF NOT EXISTS, DROP INDEX "
                        + "CONCURRENTLY IF EXISTS, REINDEX CONCURRENTLY, SET): Flyway's repair and a rerun finish the job. "
                        + "Drop an INVALID index a failed build left behind before the rerun (the migrate-time guard "
                        + "fails a migration that leaves one).");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateIndex.class,
                Operation.DropIndex.class,
                Operation.Reindex.class,
                Operation.DetachPartition.class);
    }

    @Override
    public void check(StatementContext ctx) {
        boolean concurrent = ctx.statement().operations().stream()
                .anyMatch(op -> ConcurrentlyInTransaction.concurrentKind(op).isPresent() && !(op instanceof Operation.Vacuum));
        if (!concurrent) {
            return;
        }
        if (ctx.script().stream().allMatch(ConcurrentlyMixed::rerunnable)) {
            return; // a failure halfway is fixed by running the migration again
        }
        long others = ctx.script().stream().filter(s -> s != ctx.statement()).filter(ConcurrentlyMixed::doesSomething).count();
        if (others > 0) {
            ctx.report(null, "This CONCURRENTLY statement shares its migration with " + others
                    + " other statement(s): a failure leaves the migration half applied", null);
        }
    }

    /** CREATE INDEX CONCURRENTLY IF NOT EXISTS, DROP INDEX CONCURRENTLY IF EXISTS, REINDEX CONCURRENTLY, or a SET. */
    private static boolean rerunnable(AnalyzedStatement s) {
        return !s.operations().isEmpty() && s.operations().stream().allMatch(op -> op instanceof Operation.SetSetting
                || op instanceof Operation.CreateIndex i && i.concurrently() && i.ifNotExists()
                || op instanceof Operation.DropIndex d && d.concurrently() && d.ifExists()
                || op instanceof Operation.Reindex r && r.concurrently());
    }

    private static boolean doesSomething(AnalyzedStatement s) {
        return s.operations().stream().noneMatch(op -> op instanceof Operation.SetSetting);
    }
}
