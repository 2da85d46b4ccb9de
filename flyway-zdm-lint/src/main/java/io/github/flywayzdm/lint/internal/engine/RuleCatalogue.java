package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.rules.compatibility.CompatibilityRules;
import io.github.flywayzdm.lint.internal.rules.hygiene.HygieneRules;
import io.github.flywayzdm.lint.internal.rules.locking.LockingRules;
import io.github.flywayzdm.lint.internal.rules.tool.ToolRules;
import io.github.flywayzdm.lint.internal.rules.transaction.TransactionRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every rule, instantiated once, category by category. A new rule is one class plus one line in its package's factory. */
public final class RuleCatalogue {

    private static final List<Rule> ALL = build();

    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static List<RuleInfo> infos() {
        return ALL.stream().map(Rule::info).toList();
    }

    public static Optional<RuleInfo> info(String id) {
        return ALL.stream().map(Rule::info).filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<Rule> build() {
        List<Rule> all = new ArrayList<>();
        all.addAll(LockingRules.all());
        all.addAll(TransactionRules.all());
        all.addAll(CompatibilityRules.all());
        all.addAll(HygieneRules.all());
        all.addAll(ToolRules.all());
        return List.copyOf(all);
    }
}
