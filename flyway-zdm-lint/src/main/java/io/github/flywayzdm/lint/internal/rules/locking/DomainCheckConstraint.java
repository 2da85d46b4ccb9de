package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** ALTER DOMAIN ADD CONSTRAINT checks every column of that domain in every table, under SHARE locks. */
final class DomainCheckConstraint extends BaseRule {

    DomainCheckConstraint() {
        super("domain-check-constraint", Severity.WARNING, Category.LOCKING,
                "ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID (or a CHECK on a new domain)",
                "Adding a constraint to a domain scans every table that uses the domain, holding SHARE on each: writes to "
                        + "all of them wait. Constraints on a new domain are cheap today but make later domain changes this expensive.",
                "ALTER DOMAIN d ADD CONSTRAINT d_check CHECK (...) NOT VALID;  -- no scan\n"
                        + "ALTER DOMAIN d VALIDATE CONSTRAINT d_check;                 -- separate migration",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.CreateDomain.class, Operation.AlterDomainAddConstraint.class);
    }

    @Override
    public void check(StatementContext ctx) {
        for (Operation.AlterDomainAddConstraint op : ctx.statement().all(Operation.AlterDomainAddConstraint.class)) {
            if (!op.notValid()) {
                ctx.report(null, "ALTER DOMAIN " + op.name() + " ADD CONSTRAINT scans every table using the domain under SHARE locks",
                        "ALTER DOMAIN " + op.name() + " ADD CONSTRAINT ... NOT VALID;\nALTER DOMAIN " + op.name()
                                + " VALIDATE CONSTRAINT ...;  -- separate migration");
            }
        }
        for (Operation.CreateDomain op : ctx.statement().all(Operation.CreateDomain.class)) {
            if (op.hasCheck()) {
                ctx.report(null, "Domain " + op.name() + " has a CHECK: changing it later scans every table using it", null);
            }
        }
    }
}
