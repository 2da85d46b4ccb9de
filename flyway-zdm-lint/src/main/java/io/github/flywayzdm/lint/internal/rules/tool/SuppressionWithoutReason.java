package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

/** A zdm:ignore comment must say why, so reviewers can judge it. */
final class SuppressionWithoutReason extends EngineReported {

    public static final String ID = "suppression-without-reason";

    SuppressionWithoutReason() {
        super(new RuleInfo(ID, Severity.ERROR, Category.TOOL,
                "A zdm:ignore suppression gives no reason",
                "A suppression silences a safety check; without a reason nobody can tell later whether it still holds.",
                "-- zdm:ignore create-index-non-concurrent: lookup table of 40 rows, created last release", ""));
    }
}
