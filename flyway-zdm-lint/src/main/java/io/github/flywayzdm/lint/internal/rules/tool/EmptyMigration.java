package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

/** A script with no statement: Flyway records it as applied, so a forgotten paste goes unnoticed. */
final class EmptyMigration extends EngineReported {

    public static final String ID = "empty-migration";

    EmptyMigration() {
        super(new RuleInfo(ID, Severity.WARNING, Category.TOOL,
                "The migration file has no SQL statement",
                "Flyway applies an empty script and records it in its history as done, so a change that was meant to be "
                        + "in it (an unsaved editor, a lost paste) is silently skipped on every environment.",
                "Put the intended SQL in the file, or delete it if the version is not needed. A deliberate no-op says so in "
                        + "a comment (-- NOOP, -- intentionally empty) and is not reported.", ""));
    }

    private static final java.util.regex.Pattern NO_OP = java.util.regex.Pattern.compile(
            "(?i)\\b(no[-_ ]?op|intentional(ly)?|deliberate(ly)?|on purpose|nothing to (do|migrate|change)|left empty"
                    + "|empty by design|placeholder|skipped|superseded|reserved version|kept for (the )?history)\\b");

    /** Comments that declare the script empty on purpose ({@code -- NOOP}, {@code -- intentionally empty}). */
    public static boolean deliberate(java.util.List<io.github.flywayzdm.lint.internal.split.SqlComment> comments) {
        return comments.stream().anyMatch(c -> NO_OP.matcher(c.body()).find());
    }
}
