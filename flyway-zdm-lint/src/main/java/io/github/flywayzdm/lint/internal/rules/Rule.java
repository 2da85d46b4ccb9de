package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.internal.model.Operation;

import java.util.Set;

/**
 * One check of the catalogue. Implementations are stateless: the engine calls {@link #check} once per statement of
 * every linted script that holds an operation of a type the rule {@link #handles}, and the rule reports through the
 * context.
 */
public interface Rule {

    /** {@link #handles()} of a rule that judges every statement (it keeps script state, or reads the text). */
    Set<Class<? extends Operation>> EVERY_STATEMENT = Set.of(Operation.class);

    RuleInfo info();

    void check(StatementContext ctx);

    /**
     * The operation types (a record of {@link Operation}, or one of its interfaces such as {@link Operation.OnTable})
     * this rule judges: it is called only for a statement holding at least one of them, and must report nothing, and
     * keep no script state, for any other statement ({@code RuleDispatchTest} checks this on the corpora).
     * {@link #EVERY_STATEMENT} (the default) for a rule that must see every statement; an empty set for a rule the
     * engine reports itself.
     */
    default Set<Class<? extends Operation>> handles() {
        return EVERY_STATEMENT;
    }
}
