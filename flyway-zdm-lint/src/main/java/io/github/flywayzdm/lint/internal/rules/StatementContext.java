package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.LintConfig;
import io.github.flywayzdm.lint.internal.catalog.CatalogView;
import io.github.flywayzdm.lint.internal.model.AnalyzedStatement;
import io.github.flywayzdm.lint.internal.model.TableRef;

import java.util.List;

/** What a rule sees while checking one statement. Implemented by the engine. */
public interface StatementContext {

    /** The statement being checked. */
    AnalyzedStatement statement();

    /** Every statement of the migration being checked, in order. */
    List<AnalyzedStatement> script();

    /** Position of {@link #statement()} in {@link #script()}. */
    int index();

    /**
     * The schema as it is right before this statement: earlier migrations replayed, plus the earlier statements of
     * this migration.
     */
    CatalogView catalog();

    /** True when the table was created earlier in this same migration: lock rules do not apply to it. */
    boolean createdInThisMigration(TableRef table);

    /**
     * The name to ask the live catalog ({@code config().tableSizes()}, {@code tableKeys()}) about {@code table}: schema
     * qualified once the script has changed search_path, so the lookup means the relation the statement means.
     */
    TableRef liveName(TableRef table);

    /** Target PostgreSQL major version. */
    int pgMajor();

    /** True when Flyway will run this migration inside one transaction. */
    boolean transactional();

    /** True when a lock_timeout greater than zero is in force at this statement (set by the script or the runner). */
    boolean lockTimeoutActive();

    LintConfig config();

    /**
     * State the calling rule carries from statement to statement of this migration (rules see the statements in
     * order), so a rule that needs history keeps it in one pass instead of rescanning earlier statements.
     */
    <S> S scriptState(java.util.function.Supplier<S> initial);

    /** Reports a finding of the calling rule on this statement, with the rule's default safe alternative. */
    default void report(String message) {
        report(null, message, null);
    }

    /**
     * Reports a finding of the calling rule on this statement.
     *
     * @param table           the table it concerns, for size-aware verdicts (null when none or several)
     * @param message         what is wrong, naming the objects
     * @param safeAlternative concrete SQL for this statement, or null for the rule's generic alternative
     */
    void report(TableRef table, String message, String safeAlternative);

    /**
     * Reports a finding of the calling rule as info whatever its configured severity: for a statement the rule cannot
     * judge with what it knows (it stays visible without failing the build).
     */
    void reportInfo(TableRef table, String message, String safeAlternative);
}
