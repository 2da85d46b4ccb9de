package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.OperationRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

/** ALTER DOMAIN ... SET NOT NULL checks every column of the domain in every table, under SHARE locks. */
final class DomainSetNotNull extends OperationRule<Operation.AlterDomainSetNotNull> {

    DomainSetNotNull() {
        super(Operation.AlterDomainSetNotNull.class, "domain-set-not-null", Severity.WARNING, Category.LOCKING,
                "ALTER DOMAIN ... SET NOT NULL",
                "PostgreSQL reads every table that has a column of the domain to prove no NULL is stored, holding SHARE "
                        + "on each for the whole scan: writes to all of them wait.",
                "ALTER DOMAIN d ADD CONSTRAINT d_not_null CHECK (VALUE IS NOT NULL) NOT VALID;  -- no scan; new values checked\n"
                        + "-- validating it later still scans every table using the domain (see domain-validate-constraint)",
                "");
    }

    @Override
    protected void checkOperation(StatementContext ctx, Operation.AlterDomainSetNotNull op) {
        ctx.report(null, "ALTER DOMAIN " + op.name()
                + " SET NOT NULL scans every table using the domain, blocking their writes", null);
    }
}
