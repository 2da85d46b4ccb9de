package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

/** A suppression that suppressed nothing: the statement changed, or it sits in the wrong place. */
final class UnusedSuppression extends EngineReported {

    public static final String ID = "unused-suppression";

    UnusedSuppression() {
        super(new RuleInfo(ID, Severity.WARNING, Category.TOOL,
                "A zdm:ignore suppression suppressed nothing",
                "Stale suppressions hide future problems in the statement they precede. A suppression applies to the "
                        + "statement right after it (zdm:ignore) or to the whole file (zdm:ignore-file).",
                "Delete the comment, or move it directly above the statement it is meant for.", ""));
    }
}
