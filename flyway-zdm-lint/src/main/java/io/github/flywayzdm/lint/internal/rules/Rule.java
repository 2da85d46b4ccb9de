package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.RuleInfo;

/**
 * One check of the catalogue. Implementations are stateless: the engine calls {@link #check} once per statement of
 * every linted script, and the rule reports through the context.
 */
public interface Rule {

    RuleInfo info();

    void check(StatementContext ctx);
}
