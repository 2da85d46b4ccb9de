package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import io.github.flywayzdm.lint.internal.model.ConstraintDef;

/** ATTACH PARTITION scans the partition to prove its bound unless a validated CHECK already implies it. */
final class AttachPartitionWithoutCheck extends OperationRule<Operation.AttachPartition> {

    AttachPartitionWithoutCheck() {
        super(Operation.AttachPartition.class, "attach-partition-without-check", Severity.WARNING, Category.LOCKING,
                "ATTACH PARTITION of an existing table without a validated CHECK matching the bound",
                "PostgreSQL scans the partition to prove every row fits the partition bound, holding ACCESS EXCLUSIVE on "
                        + "the partition (and SHARE UPDATE EXCLUSIVE on the parent) for the scan.",
                "ALTER TABLE part ADD CONSTRAINT part_bound CHECK (<the bound as a predicate>) NOT VALID;\n"
                        + "ALTER TABLE part VALIDATE CONSTRAINT part_bound;  -- separate migration\n"
                        + "ALTER TABLE parent ATTACH PARTITION part FOR VALUES ...;  -- no scan now\n"
                        + "ALTER TABLE part DROP CONSTRAINT part_bound;",
                "Since PostgreSQL 12 ATTACH takes only SHARE UPDATE EXCLUSIVE on the parent.");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AttachPartition op) {
        if (op.partition() == null || !existing(ctx, op.partition())) {
            return;
        }
        boolean checked = ctx.catalog().table(op.partition()).map(t -> t.constraints().stream()
                .anyMatch(c -> c.validated() && c.def().kind() == ConstraintDef.Kind.CHECK)).orElse(false);
        if (!checked) {
            ctx.report(op.partition(), "ATTACH PARTITION " + op.partition() + " to " + op.table()
                    + " scans the partition: no validated CHECK constraint matching the bound precedes it", null);
        }
    }
}
