package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

/** A zdm:ignore naming a rule that does not exist suppresses nothing: usually a typo. */
final class SuppressionUnknownRule extends EngineReported {

    public static final String ID = "suppression-unknown-rule";

    SuppressionUnknownRule() {
        super(new RuleInfo(ID, Severity.ERROR, Category.TOOL,
                "A zdm:ignore suppression names an unknown rule",
                "The suppression does not match any rule, so the finding it was meant for is still reported (or a "
                        + "typo hides which rule was meant).",
                "Use a rule id from the rule reference (docs/rules.md), e.g. -- zdm:ignore drop-column: reason", ""));
    }
}
