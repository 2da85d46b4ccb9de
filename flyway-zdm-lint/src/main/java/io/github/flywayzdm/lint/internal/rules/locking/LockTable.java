package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.LockLevels;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** Explicit LOCK TABLE in a migration */
final class LockTable extends OperationRule<Operation.LockTable> {

    LockTable() {
        super(Operation.LockTable.class, "lock-table", Severity.ERROR, Category.LOCKING,
                "Explicit LOCK TABLE in a write-blocking mode in a migration",
                "LOCK TABLE (ACCESS EXCLUSIVE unless another mode is named) holds the lock until the migration's transaction ends, blocking traffic for everything that follows it.",
                "Drop the explicit lock; each DDL statement takes the lock it needs. If ordering matters, keep the migration to one short statement and set lock_timeout.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.LockTable op) {
        if (LockLevels.of(op) != LockLevels.NONE && op.locked().stream().anyMatch(t -> existing(ctx, t))) {
            ctx.report(op.locked().size() == 1 ? op.locked().get(0) : null, "LOCK TABLE " + op.locked() + " IN " + op.mode() + " MODE holds the lock until the migration commits", null);
        }
    }
}
