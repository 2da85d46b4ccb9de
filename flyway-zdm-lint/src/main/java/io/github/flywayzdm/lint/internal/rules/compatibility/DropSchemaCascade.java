package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** DROP SCHEMA ... CASCADE drops every object in the schema, named nowhere in the migration. */
final class DropSchemaCascade extends OperationRule<Operation.DropSchema> {

    DropSchemaCascade() {
        super(Operation.DropSchema.class, "drop-schema-cascade", Severity.ERROR, Category.COMPATIBILITY,
                "DROP SCHEMA ... CASCADE",
                "CASCADE drops every table, view, function and type in the schema, and everything elsewhere that depends "
                        + "on them, under ACCESS EXCLUSIVE locks: running code fails and the data is gone. Without CASCADE, "
                        + "PostgreSQL refuses to drop a schema that still has objects.",
                "Drop the schema's objects one by one in the migrations that retire them, then DROP SCHEMA s (no CASCADE): "
                        + "it fails if something was forgotten instead of deleting it.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.DropSchema op) {
        if (op.cascade()) {
            ctx.report(null, "DROP SCHEMA " + String.join(", ", op.names()) + " CASCADE drops every object in it and "
                    + "everything that depends on them", "DROP SCHEMA " + String.join(", ", op.names()) + ";  -- after dropping its objects");
        }
    }
}
