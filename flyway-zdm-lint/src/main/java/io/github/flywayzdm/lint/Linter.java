package io.github.flywayzdm.lint;

import io.github.flywayzdm.lint.internal.engine.LintEngine;
import io.github.flywayzdm.lint.internal.rules.Rule;
import io.github.flywayzdm.lint.internal.engine.RuleCatalogue;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The analyzer: lints PostgreSQL migration scripts for operations that block traffic or break running code.
 *
 * <pre>{@code
 * Linter linter = Linter.of(LintConfig.builder().pgMajor(16).build());
 * LintReport report = linter.lint(MigrationFiles.load(List.of(Path.of("src/main/resources/db/migration"))));
 * if (report.failed()) { ... }
 * }</pre>
 *
 * Scripts are taken in Flyway's order (versioned by version, repeatables last); every script is replayed into a
 * schema model so later scripts are judged with what earlier ones created. Thread-safe.
 */
public final class Linter {

    private final LintEngine engine;

    private Linter(LintEngine engine) {
        this.engine = engine;
    }

    /** @throws LintException when the configuration names an unknown rule */
    public static Linter of(LintConfig config) {
        TreeSet<String> unknown = new TreeSet<>();
        unknown.addAll(config.severities().keySet());
        unknown.addAll(config.disabled());
        unknown.removeIf(id -> rule(id).isPresent());
        if (!unknown.isEmpty()) {
            throw new LintException("Unknown rule id(s) in configuration: " + String.join(", ", unknown)
                    + ". List the rules with --list-rules.");
        }
        return new Linter(new LintEngine(config, RuleCatalogue.all()));
    }

    public static Linter withDefaults() {
        return of(LintConfig.defaults());
    }

    /** Lints every script (except those excluded or at/below the baseline version). */
    public LintReport lint(List<MigrationScript> scripts) {
        return engine.run(scripts, s -> true);
    }

    /**
     * Lints only the scripts matching {@code target}; the others are still replayed for schema context.
     * The migrate-time callbacks use this to lint the one migration about to run.
     */
    public LintReport lint(List<MigrationScript> scripts, Predicate<MigrationScript> target) {
        return engine.run(scripts, target);
    }

    /**
     * {@link #lint(List, Predicate)}, handing each linted script's findings (suppressed ones included, in report order)
     * to {@code eachScript} on the calling thread as soon as the script is judged, so a front end can render the
     * report of the first scripts while the last are linted. A run that throws has handed over only the scripts
     * before the failure.
     */
    public LintReport lint(List<MigrationScript> scripts, Predicate<MigrationScript> target, Consumer<List<Finding>> eachScript) {
        return engine.run(scripts, target, eachScript);
    }

    /**
     * A session that lints migrations one at a time, in order, each against the schema built by the ones before
     * (the migrate-time callbacks use it: earlier migrations are replayed once, not once per migration).
     */
    public LintSession newSession() {
        return new LintSession(engine);
    }

    /**
     * How Flyway would run {@code scripts}: its order (undo scripts dropped), each script's transaction, and the
     * statements after placeholder substitution. Used by the lock trace to execute exactly what Flyway would.
     */
    public List<PlannedScript> plan(List<MigrationScript> scripts) {
        return engine.plan(scripts);
    }

    /**
     * The one reading of one script, what Flyway will execute as the linter reads it: statements with positions and
     * operations, relations resolved through search_path, Flyway's transaction decision, CONCURRENTLY, settings
     * changes, the sidecar and the {@code zdm:} directives (read with the same duration grammar as SET lock_timeout).
     *
     * @throws LintException with file:line when a {@code zdm:} directive's value is not a duration
     */
    public ScriptAnalysis analyze(MigrationScript script) {
        return engine.analyze(script);
    }

    /** The rule catalogue, sorted by id. */
    public static List<RuleInfo> rules() {
        return RuleCatalogue.all().stream().map(Rule::info)
                .sorted(java.util.Comparator.comparing(RuleInfo::id)).toList();
    }

    public static Optional<RuleInfo> rule(String id) {
        return RuleCatalogue.all().stream().map(Rule::info).filter(r -> r.id().equals(id)).findFirst();
    }
}
