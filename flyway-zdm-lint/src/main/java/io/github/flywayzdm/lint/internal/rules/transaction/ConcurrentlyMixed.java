package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;

/** A non-transactional statement mixed with others: a failure halfway leaves the migration half applied. */
public final class ConcurrentlyMixed extends BaseRule {

    public ConcurrentlyMixed() {
        super("concurrently-mixed", Severity.WARNING, Category.TRANSACTION,
                "A CONCURRENTLY statement shares its migration with other statements",
                "A migration with a CONCURRENTLY statement runs without a transaction (Flyway refuses it unless "
                        + "mixed=true). If any statement fails, the ones before it stay applied and Flyway marks the "
                        + "migration failed: a half-applied schema to repair by hand. A failed CONCURRENTLY build also leaves "
                        + "an INVALID index behind.",
                "One CONCURRENTLY statement per migration: CREATE INDEX CONCURRENTLY ... (without IF NOT EXISTS, "
                        + "which would skip the INVALID index a failed build leaves) / DROP INDEX CONCURRENTLY IF EXISTS ...",
                "");
    }

    @Override
    public void check(StatementContext ctx) {
        boolean concurrent = ctx.statement().operations().stream()
                .anyMatch(op -> ConcurrentlyInTransaction.concurrentKind(op).isPresent() && !(op instanceof Operation.Vacuum));
        if (!concurrent) {
            return;
        }
        long others = ctx.script().stream().filter(s -> s != ctx.statement()).filter(ConcurrentlyMixed::doesSomething).count();
        if (others > 0) {
            ctx.report(null, "This CONCURRENTLY statement shares its migration with " + others
                    + " other statement(s): a failure leaves the migration half applied", null);
        }
    }

    private static boolean doesSomething(AnalyzedStatement s) {
        return s.operations().stream().noneMatch(op -> op instanceof Operation.SetSetting);
    }
}
