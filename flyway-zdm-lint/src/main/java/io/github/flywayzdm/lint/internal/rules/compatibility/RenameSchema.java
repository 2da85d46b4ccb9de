package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** Renaming a schema breaks every query that names it, and every search_path that lists it. */
final class RenameSchema extends OperationRule<Operation.RenameSchema> {

    RenameSchema() {
        super(Operation.RenameSchema.class, "rename-schema", Severity.WARNING, Category.COMPATIBILITY,
                "ALTER SCHEMA ... RENAME",
                "Running code that qualifies names with the schema, and every role or connection whose search_path lists "
                        + "it, stop finding their tables the moment the rename commits.",
                "Keep the old schema name; or create the new schema, move objects over release by release (with views or "
                        + "search_path listing both), and drop the old one when nothing uses it.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.RenameSchema op) {
        ctx.report(null, "Renaming schema " + op.name() + " to " + op.newName()
                + " breaks code and search_path settings that still name " + op.name(), null);
    }
}
