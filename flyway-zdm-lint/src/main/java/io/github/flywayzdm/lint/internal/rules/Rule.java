package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.RuleInfo;

/**
 * One check of the catalogue. Implementations are stateless: the engine calls {@link #check} once per statement of
 * every linted script, and the rule reports through the context.
 */
public interface Rule {

    RuleInfo info();

    void check(StatementContext ctx);

    /**
     * True for a rule about the combination of a statement's actions (ALTER TABLE a, b): it sees the whole statement,
     * on the state before it. Other rules see each action alone, on the state the previous actions left.
     */
    default boolean readsWholeStatement() {
        return false;
    }
}
