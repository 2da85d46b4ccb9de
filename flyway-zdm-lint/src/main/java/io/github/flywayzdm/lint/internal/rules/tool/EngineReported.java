package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.StatementContext;

import java.util.Set;

/** A rule whose findings the engine raises itself (about the file or its comments, not about one statement). */
abstract class EngineReported implements Rule {

    private final RuleInfo info;

    EngineReported(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final Set<Class<? extends Operation>> handles() {
        return Set.of();
    }

    @Override
    public final void check(StatementContext ctx) {
        // reported by the engine
    }
}
