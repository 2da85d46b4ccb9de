package io.github.flywayzdm.lint.internal.rules.compatibility;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** Running code still writes and compares the old label of a renamed enum value. */
final class RenameEnumValue extends OperationRule<Operation.AlterTypeRenameValue> {

    RenameEnumValue() {
        super(Operation.AlterTypeRenameValue.class, "rename-enum-value", Severity.WARNING, Category.COMPATIBILITY,
                "ALTER TYPE ... RENAME VALUE",
                "The previous release still writes the old label: its INSERTs and UPDATEs fail with 'invalid input value "
                        + "for enum', and its WHERE clauses comparing with the old label fail the same way.",
                "ALTER TYPE t ADD VALUE 'new';  -- own migration\n"
                        + "-- release code that accepts both labels and writes the new one, migrate rows in batches,\n"
                        + "-- then stop accepting the old label (enum values cannot be dropped: consider a lookup table)",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterTypeRenameValue op) {
        ctx.report(null, "Renaming " + op.typeName() + " value "
                + (op.from() == null ? "" : "'" + op.from() + "' ") + (op.to() == null ? "" : "to '" + op.to() + "' ")
                + "breaks code that still writes the old label", null);
    }
}
