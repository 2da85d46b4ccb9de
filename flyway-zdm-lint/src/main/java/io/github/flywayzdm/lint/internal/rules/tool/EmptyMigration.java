package io.github.flywayzdm.lint.internal.rules.tool;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;

/** A script with no statement: Flyway records it as applied, so a forgotten paste goes unnoticed. */
public final class EmptyMigration extends EngineReported {

    public static final String ID = "empty-migration";

    public EmptyMigration() {
        super(new RuleInfo(ID, Severity.WARNING, Category.TOOL,
                "The migration file has no SQL statement",
                "Flyway applies an empty script and records it in its history as done, so a change that was meant to be "
                        + "in it (an unsaved editor, a lost paste) is silently skipped on every environment.",
                "Put the intended SQL in the file, or delete it if the version is not needed.", ""));
    }
}
