package io.github.flywayzdm.lint.internal.rules.transaction;

import io.github.flywayzdm.lint.internal.rules.Rule;

import java.util.List;

/** The transaction rules, in the catalogue's order: the one public door to this package's rule classes. */
public final class TransactionRules {

    private TransactionRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new ConcurrentlyInTransaction(), new ConcurrentlyMixed(), new TransactionControl(), new ValidateInSameTransaction(),
                new EnumAddValueInTransaction(), new ConcurrentIndexNotRerunnable());
    }
}
