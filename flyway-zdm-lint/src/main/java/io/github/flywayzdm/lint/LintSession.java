package io.github.flywayzdm.lint;

import io.github.flywayzdm.lint.internal.catalog.SchemaCatalog;
import io.github.flywayzdm.lint.internal.engine.LintEngine;

/**
 * Lints migrations one at a time, in the order they run, keeping the schema the earlier ones built. Not thread-safe:
 * one session per migration run.
 *
 * <pre>{@code
 * LintSession session = linter.newSession();
 * applied.forEach(session::replay);          // context: migrations that already ran
 * ScriptAnalysis reading = session.analyze(next); // optional: the one reading of the next script
 * LintReport report = session.lint(next);    // judged with that context, then added to it
 * }</pre>
 */
public final class LintSession {

    private final LintEngine engine;
    private final SchemaCatalog catalog = new SchemaCatalog();
    /** The script {@link #analyze} read last, so that its {@link #lint} does not read it again. */
    private LintEngine.Read read;

    LintSession(LintEngine engine) {
        this.engine = engine;
    }

    /** Adds a migration that already ran (or is excluded) to the context, without linting it. */
    public void replay(MigrationScript script) {
        engine.replay(catalog, script);
    }

    /**
     * The one reading of {@code script} ({@link Linter#analyze}); a {@link #lint} of the same script object that
     * follows reuses it instead of reading the script again.
     *
     * @throws LintException with file:line when a zdm: directive's value is not a duration
     */
    public ScriptAnalysis analyze(MigrationScript script) {
        LintEngine.Read next = engine.read(script);
        ScriptAnalysis reading = engine.reading(next);
        read = next;
        return reading;
    }

    /** Lints {@code script} against the context, then adds it to the context. */
    public LintReport lint(MigrationScript script) {
        LintEngine.Read ready = read != null && read.script() == script ? read : engine.read(script);
        read = null;
        return engine.lintOne(catalog, ready);
    }
}
