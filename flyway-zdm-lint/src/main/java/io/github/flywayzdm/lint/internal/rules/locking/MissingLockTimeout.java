package io.github.flywayzdm.lint.internal.rules.locking;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.BaseRule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;
import io.github.flywayzdm.lint.internal.rules.LockLevels;

/** A blocking DDL without lock_timeout queues behind long transactions, and all traffic queues behind it. */
final class MissingLockTimeout extends BaseRule {

    MissingLockTimeout() {
        super("missing-lock-timeout", Severity.WARNING, Category.LOCKING,
                "A migration takes a write-blocking lock on an existing table without lock_timeout (reported once per migration)",
                "Even an instant ALTER must wait for its lock behind any running transaction; while it waits, every query "
                        + "on the table queues behind it. Without lock_timeout that wait (and the outage) is unbounded. "
                        + "lock_timeout = 0 means no timeout.",
                "SET lock_timeout = '3s';  -- at the top of the migration (SET LOCAL in a transactional one), and retry on "
                        + "failure; or let the flyway-zdm callbacks set it for every migration.",
                "Not required for SHARE UPDATE EXCLUSIVE statements (CONCURRENTLY, VALIDATE, SET (storage)): they do not block traffic.");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.lockTimeoutActive()) {
            return;
        }
        boolean[] reported = ctx.scriptState(() -> new boolean[1]);
        if (reported[0]) {
            return;
        }
        for (Operation op : ctx.statement().operations()) {
            LockLevels level = LockLevels.of(op);
            if ((level == LockLevels.SHARE || level == LockLevels.ACCESS_EXCLUSIVE)
                    && !op.tables().isEmpty() && op.tables().stream().anyMatch(t -> existing(ctx, t))) {
                ctx.report(op.tables().size() == 1 ? op.tables().get(0) : null, "No lock_timeout is set: this statement may wait "
                        + "indefinitely for its " + level.name().replace('_', ' ') + " lock on " + op.tables()
                        + " while all traffic on it queues behind (reported once per migration: one SET at the top fixes all)", null);
                reported[0] = true;
                return; // once per migration: one SET at the top fixes every statement
            }
        }
    }
}
