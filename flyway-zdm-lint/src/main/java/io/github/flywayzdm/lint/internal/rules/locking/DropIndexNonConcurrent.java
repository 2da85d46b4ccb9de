package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** DROP INDEX takes ACCESS EXCLUSIVE on the index's table. */
final class DropIndexNonConcurrent extends OperationRule<Operation.DropIndex> {

    DropIndexNonConcurrent() {
        super(Operation.DropIndex.class, "drop-index-non-concurrent", Severity.WARNING, Category.LOCKING,
                "DROP INDEX without CONCURRENTLY",
                "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table the index belongs to. The drop itself is quick, "
                        + "but while it waits for running queries to finish, every new read and write queues behind it.",
                "DROP INDEX CONCURRENTLY IF EXISTS idx;  -- own migration, executeInTransaction=false",
                "Indexes backing a constraint cannot be dropped concurrently: drop the constraint instead.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropIndex d) {
        if (!d.concurrently()) {
            String names = d.indexes().stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("");
            ctx.report(null, "DROP INDEX " + names + " locks its table with ACCESS EXCLUSIVE",
                    "DROP INDEX CONCURRENTLY IF EXISTS " + names + ";  -- own migration, executeInTransaction=false");
        }
    }
}
