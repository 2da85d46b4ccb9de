package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** VACUUM FULL */
final class VacuumFull extends OperationRule<Operation.Vacuum> {

    VacuumFull() {
        super(Operation.Vacuum.class, "vacuum-full", Severity.ERROR, Category.LOCKING,
                "VACUUM FULL",
                "VACUUM FULL rewrites the table into a new file while ACCESS EXCLUSIVE blocks all reads and writes.",
                "Use pg_repack or pg_squeeze to reclaim space online; a plain VACUUM (no FULL) takes no blocking lock. VACUUM cannot run in a transaction anyway.",
                "PostgreSQL 19 is expected to add REPACK (CONCURRENTLY).");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.Vacuum op) {
        if (op.full() && op.vacuumed().stream().allMatch(t -> existing(ctx, t))) {
            ctx.report(op.vacuumed().size() == 1 ? op.vacuumed().get(0) : null, "VACUUM FULL " + op.vacuumed() + " rewrites under ACCESS EXCLUSIVE", null);
        }
    }
}
