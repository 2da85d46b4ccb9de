package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.TableRef;
import io.github.flywayzdm.lint.internal.rules.LockLevels;

/** In one transaction, an ACCESS EXCLUSIVE lock is held through every statement that follows it. */
final class StatementsAfterAccessExclusive extends BaseRule {

    StatementsAfterAccessExclusive() {
        super("statements-after-access-exclusive", Severity.WARNING, Category.LOCKING,
                "Slow work (UPDATE/DELETE, an index build, a validation) after an ACCESS EXCLUSIVE lock in the same transaction",
                "Locks are released only at commit. Once a statement takes ACCESS EXCLUSIVE on an existing table, the "
                        + "table stays blocked for reads and writes through every later statement of the migration, "
                        + "however quick the first one was.",
                "Put the statement that takes ACCESS EXCLUSIVE in its own migration, or last; move UPDATEs, index builds "
                        + "and validations to separate migrations.",
                "");
    }

    /** What the rule remembers within one migration. */
    private static final class Seen {
        TableRef locked;
        boolean reported;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.transactional()) {
            return;
        }
        Seen seen = ctx.scriptState(Seen::new);
        if (seen.locked != null && !seen.reported && doesSlowWork(ctx, ctx.statement()) && !validatesOwnNotValidAdd(ctx)) {
            seen.reported = true; // once per migration, at the first such statement
            ctx.report(seen.locked, "The ACCESS EXCLUSIVE lock taken earlier in this migration on " + seen.locked
                    + " is still held while this statement runs", null);
        }
        if (seen.locked == null) {
            seen.locked = exclusiveLock(ctx);
        }
    }

    /** validate-in-same-transaction already reports that case, with the better advice. */
    private static boolean validatesOwnNotValidAdd(StatementContext ctx) {
        for (Operation.ValidateConstraint v : ctx.statement().all(Operation.ValidateConstraint.class)) {
            for (int i = 0; i < ctx.index(); i++) {
                for (Operation.AddConstraint a : ctx.script().get(i).all(Operation.AddConstraint.class)) {
                    if (a.constraint().notValid() && v.name() != null && v.name().equals(a.constraint().name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The existing table this statement locks with ACCESS EXCLUSIVE, if any. */
    private static TableRef exclusiveLock(StatementContext ctx) {
        for (Operation op : ctx.statement().operations()) {
            if (LockLevels.of(op) == LockLevels.ACCESS_EXCLUSIVE) {
                for (TableRef t : op.tables()) {
                    if (existing(ctx, t)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** Work proportional to the size of an existing table. */
    private static boolean doesSlowWork(StatementContext ctx, AnalyzedStatement s) {
        return s.operations().stream().filter(op -> op.tables().stream().anyMatch(t -> existing(ctx, t))).anyMatch(op -> op instanceof Operation.Update || op instanceof Operation.Delete
                || op instanceof Operation.Insert i && i.fromSelect()
                || op instanceof Operation.CreateIndex ci && !ci.concurrently()
                || op instanceof Operation.ValidateConstraint
                || op instanceof Operation.AddConstraint a && !a.constraint().notValid() && a.constraint().kind() != ConstraintDef.Kind.NOT_NULL
                        && a.constraint().usingIndex() == null);
    }
}
