package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.Durations;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.OptionalLong;

/**
 * Follows the lock_timeout in force through a script: SET (session), SET LOCAL (until the transaction ends; no effect
 * outside one), RESET, explicit BEGIN/COMMIT, and a timeout the runner sets before the migration.
 */
final class TransactionState {

    private final boolean scriptTransactional;
    private final boolean runnerTimeout;
    private boolean explicitTransaction;
    private Long session;
    private Long local;

    TransactionState(boolean scriptTransactional, boolean runnerTimeout) {
        this.scriptTransactional = scriptTransactional;
        this.runnerTimeout = runnerTimeout;
    }

    boolean inTransaction() {
        return scriptTransactional || explicitTransaction;
    }

    boolean lockTimeoutActive() {
        Long effective = local != null ? local : session;
        return effective == null ? runnerTimeout : effective > 0;
    }

    void apply(Operation op) {
        if (op instanceof Operation.TransactionControl tc) {
            if (tc.begins()) {
                explicitTransaction = true;
            } else if (tc.ends()) {
                explicitTransaction = false;
                local = null;
            }
        } else if (op instanceof Operation.SetSetting s && s.name().equals("lock_timeout")) {
            Long value = s.value() == null ? null : millis(s.value());
            if (s.local()) {
                if (inTransaction()) {
                    local = value;
                }
            } else {
                session = value;
                local = null;
            }
        } else if (op instanceof Operation.SetSetting s && s.name().equals("all") && s.value() == null) {
            session = null;
            local = null;
        }
    }

    private static Long millis(String value) {
        OptionalLong ms = Durations.millis(value);
        return ms.isPresent() ? ms.getAsLong() : Long.valueOf(1); // an unparsable value is still a timeout someone meant to set
    }
}
