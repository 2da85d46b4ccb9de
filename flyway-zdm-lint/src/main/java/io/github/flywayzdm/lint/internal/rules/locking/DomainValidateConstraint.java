package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** ALTER DOMAIN ... VALIDATE CONSTRAINT scans every table using the domain, and (unlike a table's) blocks their writes. */
final class DomainValidateConstraint extends OperationRule<Operation.AlterDomainValidateConstraint> {

    DomainValidateConstraint() {
        super(Operation.AlterDomainValidateConstraint.class, "domain-validate-constraint", Severity.WARNING, Category.LOCKING,
                "ALTER DOMAIN ... VALIDATE CONSTRAINT",
                "Unlike ALTER TABLE ... VALIDATE CONSTRAINT, validating a domain constraint holds SHARE on every table that "
                        + "uses the domain while it scans them all: writes to every one of them wait for the whole scan.",
                "Validate when the tables using the domain are small or traffic is low; or keep the constraint NOT VALID "
                        + "(new values are checked) and enforce the rule with a table CHECK ... NOT VALID + VALIDATE, which does not "
                        + "block writes.",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterDomainValidateConstraint op) {
        ctx.report(null, "ALTER DOMAIN " + op.name()
                + " VALIDATE CONSTRAINT " + (op.constraint() == null ? "" : op.constraint() + " ")
                + "scans every table using the domain while blocking their writes", null);
    }
}
