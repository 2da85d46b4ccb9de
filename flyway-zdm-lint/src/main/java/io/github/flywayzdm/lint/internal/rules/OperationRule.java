package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.Set;

/**
 * A rule that judges one operation type, each operation on its own: most rules. It takes the type once and asks
 * {@link #checkOperation} about every operation of that type in the statement, in order.
 */
public abstract class OperationRule<T extends Operation> extends BaseRule {

    private final Class<T> type;
    private final Set<Class<? extends Operation>> handles;

    protected OperationRule(Class<T> type, String id, Severity severity, Category category, String summary, String why,
                            String safeAlternative, String versions) {
        super(id, severity, category, summary, why, safeAlternative, versions);
        this.type = type;
        this.handles = Set.of(type);
    }

    @Override
    public final Set<Class<? extends Operation>> handles() {
        return handles;
    }

    @Override
    public final void check(StatementContext ctx) {
        // a plain loop, and none in the rules: every lambda call site is linked anew in each cold CLI start
        for (T operation : ctx.statement().all(type)) {
            checkOperation(ctx, operation);
        }
    }

    /** Judges one operation of the statement being checked, reporting through {@code ctx}. */
    protected abstract void checkOperation(StatementContext ctx, T operation);
}
