package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

/** An unterminated string, identifier, comment or dollar quote: everything after it was read as one statement. */
final class SplitProblemFound extends EngineReported {

    public static final String ID = "split-problem";

    SplitProblemFound() {
        super(new RuleInfo(ID, Severity.ERROR, Category.TOOL,
                "A string, quoted identifier, comment or dollar quote is never closed",
                "Everything after the unterminated construct was read as a single statement, so nothing after it was "
                        + "checked, and PostgreSQL will reject or misread the script.",
                "Close the construct (a missing ' or $$ is the usual cause).", ""));
    }
}
