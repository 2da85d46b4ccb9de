package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.split.SqlComment;

import java.util.List;

/** The tool rules, in the catalogue's order: the one public door to this package's rule classes. */
public final class ToolRules {

    private ToolRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new UnparsedStatement(), new SplitProblemFound(), new EmptyMigration(), new SuppressionWithoutReason(),
                new SuppressionUnknownRule(), new UnusedSuppression(), new UnresolvedPlaceholder(), new InvalidFunctionCall());
    }

    /** The engine's question to empty-migration: does a comment say the script is empty on purpose? */
    public static boolean deliberatelyEmpty(List<SqlComment> comments) {
        return EmptyMigration.deliberate(comments);
    }
}
