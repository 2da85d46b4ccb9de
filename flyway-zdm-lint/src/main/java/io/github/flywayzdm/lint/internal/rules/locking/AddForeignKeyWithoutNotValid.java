package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.catalog.TableState;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** A foreign key added without NOT VALID blocks writes on both tables while it checks every row. */
final class AddForeignKeyWithoutNotValid extends OperationRule<Operation.AddConstraint> {

    AddForeignKeyWithoutNotValid() {
        super(Operation.AddConstraint.class, "add-foreign-key-without-not-valid", Severity.ERROR, Category.LOCKING,
                "ADD FOREIGN KEY without NOT VALID on an existing table",
                "Adding a foreign key takes SHARE ROW EXCLUSIVE on the table and on the referenced table, then checks "
                        + "every row: writes to both tables wait for the whole scan.",
                "ALTER TABLE t ADD CONSTRAINT t_fk FOREIGN KEY (c) REFERENCES p (id) NOT VALID;  -- brief lock\n"
                        + "ALTER TABLE t VALIDATE CONSTRAINT t_fk;  -- separate migration: SHARE UPDATE EXCLUSIVE on t, ROW SHARE on p",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AddConstraint a) {
        ConstraintDef c = a.constraint();
        if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && !c.notValid() && existing(ctx, a.table())) {
            String name = c.name() == null ? a.table().name() + "_" + String.join("_", c.columns()) + "_fkey" : c.name();
            ctx.report(a.table(), "Foreign key " + name + " on " + a.table() + " checks every row while writes to "
                    + a.table() + " and " + c.references() + " wait",
                    "ALTER TABLE " + a.table() + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + String.join(", ", c.columns())
                            + ") REFERENCES " + c.references() + " NOT VALID;\n"
                            + "ALTER TABLE " + a.table() + " VALIDATE CONSTRAINT " + name + ";  -- separate migration");
        }
    }
}
