package io.github.flywayzdm.backfill;

import io.github.flywayzdm.backfill.internal.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps backfilled columns in step on every INSERT and UPDATE while application code that does not write them is still
 * deployed: a {@code BEFORE INSERT OR UPDATE} row trigger that computes each column from the new row. A backfill only
 * covers rows up to the key it started at; install this first and rows written meanwhile are right too.
 *
 * <pre>{@code
 * DualWriteTrigger sync = DualWriteTrigger.on("orders").set("amount_cents", "NEW.amount * 100").build();
 * sync.install(connection);   // before the backfill
 * ...                         // backfill; deploy code that writes amount_cents itself
 * sync.drop(connection);      // then remove it
 * }</pre>
 *
 * Installing takes a SHARE ROW EXCLUSIVE lock on the table for a moment (it blocks writes, not reads), under a
 * lock_timeout and retried a few times with backoff when the table is busy. Names are quoted identifiers; the
 * expressions are SQL written by the migration author, evaluated in PL/pgSQL where {@code NEW} is the row.
 */
public final class DualWriteTrigger {

    private static final int ATTEMPTS = 5;
    private static final String QUOTE = "$zdm_dual_write$";

    private final String schema;
    private final String table;
    private final Map<String, String> assignments;
    private final String name;
    private final Duration lockTimeout;

    private DualWriteTrigger(Builder b) {
        if (b.assignments.isEmpty()) {
            throw new IllegalArgumentException("a dual-write trigger on " + b.table + " needs at least one set(column, expression)");
        }
        if (b.assignments.values().stream().anyMatch(expression -> expression.contains(QUOTE))) {
            throw new IllegalArgumentException("an expression may not contain " + QUOTE);
        }
        this.schema = b.schema;
        this.table = b.table;
        this.assignments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.assignments));
        this.name = b.name != null ? b.name : defaultName(b.table);
        this.lockTimeout = b.lockTimeout;
    }

    /** PostgreSQL cuts longer names to this many bytes, silently: two cut names could then be one function. */
    private static final int MAX_NAME_BYTES = 63;

    /**
     * {@code zdm_dual_write_<table>}, or when that is longer than 63 bytes, its first bytes (cut on a character
     * boundary) and a hash of the whole name, so two long tables with a common prefix never share a function.
     */
    static String defaultName(String table) {
        String full = "zdm_dual_write_" + table;
        if (bytes(full) <= MAX_NAME_BYTES) {
            return full;
        }
        String hash = "_" + String.format(java.util.Locale.ROOT, "%08x", full.hashCode());
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < full.length(); ) {
            int cp = full.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if (bytes(cut + next + hash) > MAX_NAME_BYTES) {
                break;
            }
            cut.append(next);
            i += Character.charCount(cp);
        }
        return cut + hash;
    }

    private static int bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public static Builder on(String table) {
        return new Builder(null, table);
    }

    public static Builder on(String schema, String table) {
        return new Builder(schema, table);
    }

    /** The statements {@link #install} runs in one transaction, for a SQL migration or a review. */
    public List<String> installStatements() {
        StringBuilder body = new StringBuilder();
        assignments.forEach((column, expression) ->
                body.append("  NEW.").append(Identifiers.quote(column)).append(" := ").append(expression).append(";\n"));
        String function = Identifiers.qualified(schema, name);
        String target = Identifiers.qualified(schema, table);
        return List.of(
                "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS " + QUOTE + "\nBEGIN\n"
                        + body + "  RETURN NEW;\nEND\n" + QUOTE,
                "DROP TRIGGER IF EXISTS " + Identifiers.quote(name) + " ON " + target,
                "CREATE TRIGGER " + Identifiers.quote(name) + " BEFORE INSERT OR UPDATE ON " + target
                        + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
    }

    /** Creates (or replaces) the function and the trigger in one short transaction. */
    public void install(Connection connection) throws SQLException {
        inTransaction(connection, installStatements(), "install");
    }

    /** Removes the trigger and its function; nothing happens when they are already gone. */
    public void drop(Connection connection) throws SQLException {
        inTransaction(connection, List.of("DROP TRIGGER IF EXISTS " + Identifiers.quote(name) + " ON " + Identifiers.qualified(schema, table),
                "DROP FUNCTION IF EXISTS " + Identifiers.qualified(schema, name) + "()"), "drop");
    }

    /** The trigger's (and its function's) name. */
    public String name() {
        return name;
    }

    private void inTransaction(Connection connection, List<String> statements, String what) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            for (int attempt = 1; ; attempt++) {
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
                    for (String sql : statements) {
                        s.execute(sql);
                    }
                    connection.commit();
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!"55P03".equals(e.getSQLState())) {
                        throw e;
                    }
                    if (attempt == ATTEMPTS) {
                        throw new BackfillException("could not " + what + " trigger " + name + " on " + table + ": the table stayed busy "
                                + "beyond lock_timeout " + lockTimeout.toMillis() + " ms in " + ATTEMPTS + " attempts; nothing was changed", e);
                    }
                    long backoff = 100L << attempt;
                    sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackfillException("interrupted while waiting to retry", e);
        }
    }

    public static final class Builder {
        private final String schema;
        private final String table;
        private final Map<String, String> assignments = new LinkedHashMap<>();
        private String name;
        private Duration lockTimeout = Duration.ofSeconds(2);

        private Builder(String schema, String table) {
            this.schema = schema;
            this.table = Objects.requireNonNull(table, "table");
        }

        /** {@code column} gets {@code expression} (PL/pgSQL, {@code NEW.other_column} reads the row) on every write. */
        public Builder set(String column, String expression) {
            assignments.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(expression, "expression"));
            return this;
        }

        /**
         * The trigger and function name (default {@code zdm_dual_write_<table>}, shortened with a hash past 63 bytes).
         * At most 63 bytes: PostgreSQL would cut a longer one silently.
         */
        public Builder name(String triggerName) {
            if (bytes(Objects.requireNonNull(triggerName)) > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("dual-write trigger name " + triggerName + " is " + bytes(triggerName)
                        + " bytes; PostgreSQL keeps only 63 bytes of a name, so give one of at most 63 bytes");
            }
            this.name = triggerName;
            return this;
        }

        /** How long installing may wait for the table's lock per attempt (default 2 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public DualWriteTrigger build() {
            return new DualWriteTrigger(this);
        }
    }
}
