package io.github.flywayzdm.lint;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one reading of one migration script, for front ends that must know what a script does without scanning SQL
 * themselves (the migrate-time guard, the trace): what Flyway executes, statement by statement, as the linter read it.
 * Built by {@link Linter#analyze(MigrationScript)}.
 *
 * @param path                the script's path as given
 * @param runsInTransaction   Flyway's decision: the sidecar's {@code executeInTransaction} when set, else whether
 *                            Flyway's parser detects a non-transactional statement
 * @param executeInTransaction the sidecar setting ({@code V1__x.sql.conf}), empty when the script has none
 * @param statements          what Flyway sends, in order (placeholders substituted, byte-order marks dropped)
 * @param lockTimeout         {@code -- zdm:lock_timeout=...} directive, when written
 * @param statementTimeout    {@code -- zdm:statement_timeout=...} directive, when written
 * @param problems            what could not be read: unterminated constructs, each with its line
 */
public record ScriptAnalysis(String path, boolean runsInTransaction, Optional<Boolean> executeInTransaction,
                             List<Statement> statements, Optional<Duration> lockTimeout, Optional<Duration> statementTimeout,
                             List<String> problems) {

    public ScriptAnalysis {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /**
     * One statement.
     *
     * @param line, column, endLine          where it is in the file
     * @param sql                            what Flyway sends (placeholders substituted)
     * @param operations                     what it does, one name per operation, e.g. {@code CreateIndex},
     *                                       {@code AlterColumnType}, {@code SetSetting}; a DO block lists the operations
     *                                       of its body, an unanalyzable part is {@code Unparsed}
     * @param relations                      the relations it names to lock or change (with a foreign key's target, a
     *                                       partition attached or detached, a PARTITION OF parent, dropped views and
     *                                       indexes), schema-qualified as PostgreSQL resolves them at that point of
     *                                       the script (search_path followed; pg_temp for TEMP); never a name that
     *                                       appears only in a string or a comment
     * @param concurrently                   a CONCURRENTLY operation (index build/drop, reindex, detach, refresh)
     * @param flywayDetectsNonTransactional  Flyway's parser itself takes this statement out of the transaction
     * @param changesSettings                the names of the settings it changes (SET, RESET, set_config), lower case
     * @param refusedInTransaction           PostgreSQL refuses it inside a transaction block (SQLSTATE 25001): a
     *                                       CONCURRENTLY index build, drop, reindex or detach, or VACUUM
     * @param changedAsWritten               the relations whose rows or definition it changes (ALTER TABLE, CREATE
     *                                       INDEX, INSERT, UPDATE, DELETE), in SQL form as written: an unqualified name
     *                                       stays unqualified, for the migration's own session to resolve
     * @param indexesAsWritten               the indexes it builds or rebuilds (CREATE INDEX, REINDEX INDEX), as written
     * @param mayRunUserCode                 running it may execute code a user defined (a function, a trigger, a
     *                                       domain CHECK, a type's support function), which may change session
     *                                       settings unseen; false only for statements known to run PostgreSQL's own
     *                                       code alone (event triggers aside: they are not visible in a script)
     * @param indexIfNotExists               it builds an index with IF NOT EXISTS, which does nothing when an index of
     *                                       that name exists, even an INVALID one left by a failed concurrent build
     */
    public record Statement(int line, int column, int endLine, String sql, List<String> operations, List<String> relations,
                            boolean concurrently, boolean flywayDetectsNonTransactional, List<String> changesSettings,
                            boolean refusedInTransaction, List<String> changedAsWritten, List<String> indexesAsWritten,
                            boolean mayRunUserCode, boolean indexIfNotExists) {

        public Statement {
            operations = List.copyOf(operations);
            relations = List.copyOf(relations);
            changesSettings = List.copyOf(changesSettings);
            changedAsWritten = List.copyOf(changedAsWritten);
            indexesAsWritten = List.copyOf(indexesAsWritten);
        }
    }

    /** True when some statement changes a session setting (so the runner's settings may not hold to the end). */
    public boolean changesSessionSettings() {
        return statements.stream().anyMatch(s -> !s.changesSettings().isEmpty());
    }

    /**
     * Some statement may execute user-defined code, or the script was not fully read: its session settings cannot
     * be trusted afterwards even when no statement says SET (see {@link Statement#mayRunUserCode()}).
     */
    public boolean mayRunUserCode() {
        return !problems.isEmpty() || statements.stream().anyMatch(Statement::mayRunUserCode);
    }

    /**
     * Some index build says IF NOT EXISTS, so the script may succeed and leave an INVALID index of that name in place.
     * Any other index build or reindex that succeeds leaves a valid index: PostgreSQL marks a concurrent build valid
     * as its last step, and every failure before that is an error that fails the migration.
     */
    public boolean mayKeepInvalidIndex() {
        return statements.stream().anyMatch(Statement::indexIfNotExists);
    }

    /** Every statement with a CONCURRENTLY operation. */
    public List<Statement> concurrently() {
        return statements.stream().filter(Statement::concurrently).toList();
    }

    /** Some statement has a CONCURRENTLY operation (it waits for every older transaction, Flyway's lock included). */
    public boolean usesConcurrently() {
        return statements.stream().anyMatch(Statement::concurrently);
    }

    /**
     * Some CONCURRENTLY statement cannot run in a transaction and Flyway's parser does not see it (REINDEX ...
     * CONCURRENTLY, DETACH PARTITION ... CONCURRENTLY): without {@code executeInTransaction=false} it fails with 25001.
     */
    public boolean usesUndetectedConcurrently() {
        return statements.stream().anyMatch(s -> s.concurrently() && s.refusedInTransaction() && !s.flywayDetectsNonTransactional());
    }

    /** The relations the script changes, as written, each once in order (what ANALYZE should refresh afterwards). */
    public Set<String> changedRelations() {
        Set<String> out = new LinkedHashSet<>();
        statements.forEach(s -> out.addAll(s.changedAsWritten()));
        return out;
    }

    /** The indexes the script builds or rebuilds, as written, each once in order (to check they are valid after). */
    public Set<String> builtIndexes() {
        Set<String> out = new LinkedHashSet<>();
        statements.forEach(s -> out.addAll(s.indexesAsWritten()));
        return out;
    }
}
