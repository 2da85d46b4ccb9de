package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.lint.internal.model.TableRef;

/**
 * Holds a rule's catalogue entry and the checks most rules start with. A rule of one operation type extends
 * {@link OperationRule}; one that judges several types or the whole statement extends this class directly.
 */
public abstract class BaseRule implements Rule {

    private final RuleInfo info;

    protected BaseRule(String id, Severity severity, Category category, String summary, String why, String safeAlternative,
                       String versions) {
        this.info = new RuleInfo(id, severity, category, summary, why, safeAlternative, versions);
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    /** A table that existed before this migration: the only kind lock rules care about. */
    protected static boolean existing(StatementContext ctx, TableRef table) {
        return table != null && !ctx.createdInThisMigration(table);
    }
}
