package io.github.flywayzdm.backfill;

import io.github.flywayzdm.backfill.internal.BackfillRun;
import io.github.flywayzdm.backfill.internal.Caller;
import io.github.flywayzdm.backfill.internal.FinishCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resumable, batched, throttled UPDATE of an existing table.
 *
 * <pre>{@code
 * Backfill.of("orders")
 *         .key("id")
 *         .set("status = 'pending'")
 *         .where("status IS NULL")
 *         .build()
 *         .run(connection);
 * }</pre>
 *
 * Rows are walked in key order (keyset pagination, any orderable key, composite keys too) up to the largest key that
 * existed when the backfill started. Each batch locks its rows in key order, updates them and records its progress
 * in {@code zdm_backfill_progress} in one short transaction, so a crash resumes exactly after the last committed batch.
 *
 * <p>The table, key and checkpoint names are quoted identifiers; {@code set} and {@code where} are SQL fragments
 * written by the migration author (trusted, like the SQL of a migration), never built from end-user input.
 */
public final class Backfill {

    private final String schema;
    private final String table;
    private final List<String> key;
    private final String set;
    private final String where;
    private final String id;
    private final String verify;
    private final BackfillOptions options;

    private Backfill(Builder b) {
        this.schema = b.schema;
        this.table = b.table;
        this.key = List.copyOf(b.key);
        this.set = b.set;
        this.where = b.where;
        this.id = b.id != null ? b.id : (schema == null ? "" : schema + ".") + table + ":" + set;
        this.options = b.options;
        this.verify = b.verify;
    }

    /** A backfill of {@code table} (unqualified, in the search path). */
    public static Builder of(String table) {
        return new Builder(null, table);
    }

    /** A backfill of {@code schema.table}. */
    public static Builder of(String schema, String table) {
        return new Builder(schema, table);
    }

    /**
     * Runs (or resumes) the backfill on this connection; the connection's autocommit state is restored afterwards.
     * A checkpoint an operator cancelled stays cancelled: this throws, naming {@link #resume(Connection)}.
     */
    public BackfillResult run(Connection connection) throws SQLException {
        return new BackfillRun(this, connection, null, Caller.RUN, null).execute(false);
    }

    /**
     * Runs (or resumes) it with connections from the data source; a lost connection is replaced and the run goes on.
     * With {@link BackfillOptions#withWorkers} above 1, that many threads share the work through leased chunks, and the
     * run waits for chunks other live sessions hold, so it returns {@link BackfillResult#complete() complete} unless
     * their holders stopped committing.
     */
    public BackfillResult run(DataSource dataSource) throws SQLException {
        return run(dataSource, Caller.RUN);
    }

    /** Like {@link #run(Connection)}, and also resumes a checkpoint an operator cancelled: the one step after a cancel. */
    public BackfillResult resume(Connection connection) throws SQLException {
        return new BackfillRun(this, connection, null, Caller.RESUME, null).execute(false);
    }

    /** Like {@link #run(DataSource)}, and also resumes a checkpoint an operator cancelled. */
    public BackfillResult resume(DataSource dataSource) throws SQLException {
        return run(dataSource, Caller.RESUME);
    }

    /** For {@link BackfillMigration}: resumes a cancelled checkpoint (the user ran flyway repair) and says so when stopping. */
    BackfillResult runInFlyway(Connection connection) throws SQLException {
        return new BackfillRun(this, connection, null, Caller.FLYWAY, null).execute(false);
    }

    BackfillResult runInFlyway(DataSource dataSource) throws SQLException {
        return run(dataSource, Caller.FLYWAY);
    }

    private BackfillResult run(DataSource dataSource, Caller caller) throws SQLException {
        return run(dataSource, caller, null);
    }

    private BackfillResult run(DataSource dataSource, Caller caller, Duration bound) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new BackfillRun(this, c, dataSource, caller, bound).execute(false);
        }
    }

    /**
     * Runs (or resumes) it for at most {@code bound}: no batch starts after that, and the result is then not
     * {@link BackfillResult#complete() complete}; progress is kept for the next run. A cancel stands, as with run.
     */
    public BackfillResult runFor(DataSource dataSource, Duration bound) throws SQLException {
        return run(dataSource, Caller.RUN, Objects.requireNonNull(bound, "bound"));
    }

    /**
     * For the migration that relies on this backfill (SET NOT NULL, dropping the old column): throws a
     * {@link BackfillException} unless the backfill finished and, with {@link Builder#verify}, no row of the table
     * still matches the condition (rows written since it started included). Reads only; a short statement.
     */
    public void requireFinished(Connection connection) throws SQLException {
        FinishCheck.require(this, connection);
    }

    /**
     * Queues it as a background job instead of running it: records its definition, checkpoint (the upper key taken
     * now) and chunks, in the connection's transaction when autocommit is off, and returns at once. A
     * {@link BackfillWorker} in any process runs it. Idempotent: true when this call queued it, false when it was
     * queued already with the same table, key, SET and WHERE (two enqueues at once record one job); throws a
     * {@link BackfillException} when another definition is queued under the same id.
     */
    public boolean enqueue(Connection connection) throws SQLException {
        return new BackfillRun(this, connection, null, Caller.RUN, null).enqueue();
    }

    /** Reports the key range, estimated rows and batches without writing anything (not even the checkpoint). */
    public BackfillResult dryRun(Connection connection) throws SQLException {
        return new BackfillRun(this, connection, null, Caller.RUN, null).execute(true);
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    public List<String> key() {
        return key;
    }

    public String set() {
        return set;
    }

    /** The row filter, or null. */
    public String where() {
        return where;
    }

    /** The checkpoint id (stable across runs, so a rerun resumes). */
    public String id() {
        return id;
    }

    public BackfillOptions options() {
        return options;
    }

    /** The "rows left to do" condition checked at the end, or null. */
    public String verify() {
        return verify;
    }

    public static final class Builder {
        private final String schema;
        private final String table;
        private final List<String> key = new ArrayList<>();
        private String set;
        private String where;
        private String id;
        private BackfillOptions options = BackfillOptions.defaults();
        private String verify;

        private Builder(String schema, String table) {
            this.schema = schema;
            this.table = Objects.requireNonNull(table, "table");
        }

        /** The key columns, in order (a primary key or any unique, indexed, orderable columns). */
        public Builder key(String... columns) {
            key.addAll(List.of(columns));
            return this;
        }

        /** The SET clause without the word SET, e.g. {@code "status = 'pending'"}. */
        public Builder set(String setClause) {
            this.set = setClause;
            return this;
        }

        /** Only rows matching this condition are updated, e.g. {@code "status IS NULL"}. */
        public Builder where(String condition) {
            this.where = condition;
            return this;
        }

        /** The checkpoint id; defaults to table and SET clause. */
        public Builder id(String checkpointId) {
            this.id = checkpointId;
            return this;
        }

        /**
         * After the last batch, count the rows (up to the key the backfill started with) still matching this
         * condition, e.g. {@code "status IS NULL"}; the result reports it and the log says VERIFICATION when it is not 0.
         */
        public Builder verify(String rowsLeftCondition) {
            this.verify = rowsLeftCondition;
            return this;
        }

        public Builder options(BackfillOptions backfillOptions) {
            this.options = Objects.requireNonNull(backfillOptions);
            return this;
        }

        public Backfill build() {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Backfill of " + table + " needs key(...) columns");
            }
            if (set == null || set.isBlank()) {
                throw new IllegalArgumentException("Backfill of " + table + " needs a set(...) clause");
            }
            return new Backfill(this);
        }
    }

    /** For logs. */
    @Override
    public String toString() {
        return "backfill " + id;
    }
}
