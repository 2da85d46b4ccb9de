package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A NOT NULL column that loses its DEFAULT: INSERTs that omit it (the previous release's) fail. */
final class DropDefaultOfRequiredColumn extends OperationRule<Operation.AlterColumnDefault> {

    DropDefaultOfRequiredColumn() {
        super(Operation.AlterColumnDefault.class, "drop-default-of-required-column", Severity.WARNING, Category.COMPATIBILITY,
                "ALTER COLUMN ... DROP DEFAULT on a NOT NULL column of an existing table",
                "The usual 'ADD COLUMN c ... DEFAULT x NOT NULL, then DROP DEFAULT' leaves a required column without a "
                        + "default: every INSERT that omits it, which is every INSERT of the release before the column "
                        + "existed, fails with a not-null violation as soon as the DROP DEFAULT commits.",
                "Keep the default until no running release inserts without the column; drop it in a later migration "
                        + "(suppress with a reason then), or keep it for good.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterColumnDefault op) {
        if (op.expression() != null || !existing(ctx, op.table())) {
            return;
        }
        ctx.catalog().column(op.table(), op.column())
                .filter(c -> c.notNull() && c.hasDefault())
                .ifPresent(c -> ctx.report(null, "Dropping the default of NOT NULL column " + op.table() + "." + op.column()
                        + ": INSERTs that omit the column (the previous release's) now fail", null));
    }
}
