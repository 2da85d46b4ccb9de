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
 * LintReport report = session.lint(next);    // judged with that context, then added to it
 * }</pre>
 */
public final class LintSession {

    private final LintEngine engine;
    private final SchemaCatalog catalog = new SchemaCatalog();

    LintSession(LintEngine engine) {
        this.engine = engine;
    }

    /** Adds a migration that already ran (or is excluded) to the context, without linting it. */
    public void replay(MigrationScript script) {
        engine.replay(catalog, script);
    }

    /** Lints {@code script} against the context, then adds it to the context. */
    public LintReport lint(MigrationScript script) {
        return engine.lintOne(catalog, script);
    }
}
