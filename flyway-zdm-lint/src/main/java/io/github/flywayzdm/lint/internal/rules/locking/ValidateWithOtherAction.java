package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.rules.LockLevels;

import java.util.List;
import java.util.Set;

/** VALIDATE CONSTRAINT in one ALTER TABLE with an action that takes ACCESS EXCLUSIVE: the scan runs under that lock. */
final class ValidateWithOtherAction extends BaseRule {

    ValidateWithOtherAction() {
        super("validate-with-other-action", Severity.ERROR, Category.LOCKING,
                "VALIDATE CONSTRAINT combined with another ALTER TABLE action that takes ACCESS EXCLUSIVE",
                "VALIDATE CONSTRAINT alone takes SHARE UPDATE EXCLUSIVE and lets traffic flow while it scans; in one "
                        + "statement with ADD COLUMN, SET DEFAULT or any other ACCESS EXCLUSIVE action, the table is locked at "
                        + "that level first and the whole validation scan runs with reads and writes blocked.",
                "ALTER TABLE t ADD COLUMN d int;                -- its own statement (and migration)\n"
                        + "ALTER TABLE t VALIDATE CONSTRAINT c;         -- alone: SHARE UPDATE EXCLUSIVE",
                "");
    }

    @Override
    public Set<Class<? extends Operation>> handles() {
        return Set.of(Operation.ValidateConstraint.class);
    }

    @Override
    public void check(StatementContext ctx) {
        // the whole statement: the engine checks each action of an ALTER TABLE on its own, the lock is the statement's
        List<Operation> actions = ctx.script().get(ctx.index()).operations();
        List<Operation.ValidateConstraint> validates = ctx.statement().all(Operation.ValidateConstraint.class);
        if (validates.isEmpty()) {
            return;
        }
        Operation.ValidateConstraint v = validates.get(0);
        if (!existing(ctx, v.table()) || alreadyValid(ctx, v)) {
            return;
        }
        actions.stream().filter(op -> LockLevels.of(op) == LockLevels.ACCESS_EXCLUSIVE).findFirst()
                .ifPresent(op -> ctx.report(v.table(), "VALIDATE CONSTRAINT " + v.name() + " shares its ALTER TABLE with an "
                        + "ACCESS EXCLUSIVE action: the validation scan of " + v.table() + " blocks reads and writes", null));
    }

    private static boolean alreadyValid(StatementContext ctx, Operation.ValidateConstraint v) {
        return ctx.catalog().table(v.table()).map(t -> t.constraints().stream()
                .anyMatch(c -> v.name() != null && v.name().equals(c.def().name()) && c.validated())).orElse(false);
    }
}
