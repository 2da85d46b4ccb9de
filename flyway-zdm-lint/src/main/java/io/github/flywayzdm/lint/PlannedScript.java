package io.github.flywayzdm.lint;

import java.util.List;

/**
 * A script as Flyway would run it: its place in the order, whether it runs in one transaction, and its statements with
 * placeholders substituted. {@link Linter#plan} makes them; the lock trace executes them.
 *
 * @param transactional the script's {@code executeInTransaction}, or Flyway's own detection when it has none
 */
public record PlannedScript(MigrationScript script, boolean transactional, List<Statement> statements) {

    public PlannedScript {
        statements = List.copyOf(statements);
    }

    /**
     * One statement; {@code line} and {@code endLine} are 1-based lines of the script.
     *
     * @param relations the relations it names, schema-qualified in SQL form as PostgreSQL resolves them at that point
     *                  of the script, the same as {@link ScriptAnalysis.Statement#relations()}: a name inside a string
     *                  or a comment is none of them
     */
    public record Statement(String sql, int line, int endLine, List<String> relations) {

        public Statement {
            relations = List.copyOf(relations);
        }
    }
}
