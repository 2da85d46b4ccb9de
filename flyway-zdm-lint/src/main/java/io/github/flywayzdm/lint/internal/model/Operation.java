package io.github.flywayzdm.lint.internal.model;

import java.util.List;

/**
 * What one statement does, in a form rules can read without knowing the parser. A statement yields one operation,
 * except ALTER TABLE with several actions, which yields one per action (all sharing the table).
 *
 * <p>Add a record here when a rule needs to see a new kind of statement; keep parser details out.
 */
public sealed interface Operation {

    /** The relations this operation locks or changes (may be empty). */
    default List<TableRef> tables() {
        return List.of();
    }

    /** An operation on one table. */
    sealed interface OnTable extends Operation {
        TableRef table();

        @Override
        default List<TableRef> tables() {
            return List.of(table());
        }
    }

    // ---- tables -------------------------------------------------------------------------------------------------

    record CreateTable(TableRef table, List<ColumnDef> columns, List<ConstraintDef> constraints, boolean partitioned,
                       TableRef partitionOf, boolean unlogged, boolean ifNotExists, boolean asSelect) implements OnTable {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    record DropTable(List<TableRef> dropped, boolean ifExists, boolean cascade) implements Operation {
        @Override
        public List<TableRef> tables() {
            return dropped;
        }
    }

    record RenameTable(TableRef table, String newName) implements OnTable {
    }

    record Truncate(List<TableRef> truncated, boolean cascade) implements Operation {
        @Override
        public List<TableRef> tables() {
            return truncated;
        }
    }

    /** DROP VIEW / DROP MATERIALIZED VIEW. */
    record DropView(List<TableRef> views, boolean materialized, boolean ifExists, boolean cascade) implements Operation {
        public DropView {
            views = List.copyOf(views);
        }
    }

    /** ALTER TABLE ... SET TABLESPACE. */
    record SetTablespace(TableRef table, String tablespace) implements OnTable {
    }

    /** ALTER TABLE ... SET LOGGED / SET UNLOGGED. */
    record SetLogged(TableRef table, boolean logged) implements OnTable {
    }

    /** ALTER TABLE ... SET (storage_parameter = ...) / RESET (...): SHARE UPDATE EXCLUSIVE for most parameters. */
    record SetStorageParameters(TableRef table, List<String> parameters) implements OnTable {
    }

    /** Any other ALTER TABLE action, kept so rules see the AccessExclusive lock it takes. */
    record OtherAlterTable(TableRef table, String action) implements OnTable {
    }

    // ---- columns ------------------------------------------------------------------------------------------------

    record AddColumn(TableRef table, ColumnDef column, boolean ifNotExists) implements OnTable {
    }

    record DropColumn(TableRef table, String column, boolean ifExists, boolean cascade) implements OnTable {
    }

    record RenameColumn(TableRef table, String column, String newName) implements OnTable {
    }

    /**
     * ALTER COLUMN ... [SET DATA] TYPE t [USING expr].
     *
     * @param usingPlainCast the USING expression is the column itself, at most cast to exactly the new type
     *                       ({@code c::text}, {@code CAST(c AS text)}): PostgreSQL judges that as if there were no USING
     */
    record AlterColumnType(TableRef table, String column, TypeName newType, String using, boolean usingPlainCast) implements OnTable {
    }

    record SetNotNull(TableRef table, String column) implements OnTable {
    }

    record DropNotNull(TableRef table, String column) implements OnTable {
    }

    /** SET DEFAULT expr, or DROP DEFAULT when {@code expression} is null. */
    record AlterColumnDefault(TableRef table, String column, String expression) implements OnTable {
    }

    /** ALTER COLUMN ... SET STATISTICS / SET STORAGE / SET (attribute options): no rewrite. */
    record AlterColumnOption(TableRef table, String column, String option) implements OnTable {
    }

    // ---- constraints --------------------------------------------------------------------------------------------

    record AddConstraint(TableRef table, ConstraintDef constraint) implements OnTable {
    }

    record ValidateConstraint(TableRef table, String name) implements OnTable {
    }

    record DropConstraint(TableRef table, String name, boolean ifExists) implements OnTable {
    }

    /** ALTER TABLE ... RENAME CONSTRAINT name TO newName (both normalized). */
    record RenameConstraint(TableRef table, String name, String newName) implements OnTable {
    }

    // ---- indexes ------------------------------------------------------------------------------------------------

    /**
     * @param name    normalized index name, or null when generated
     * @param only    {@code ON ONLY parent} (partitioned parent without recursing)
     * @param method  access method (btree, gin, ...), lower case
     * @param columns key columns/expressions as written, normalized when plain names
     * @param where   predicate of a partial index, or null
     */
    record CreateIndex(String name, TableRef table, boolean unique, boolean concurrently, boolean ifNotExists,
                       boolean only, String method, List<String> columns, String where) implements OnTable {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    record DropIndex(List<TableRef> indexes, boolean concurrently, boolean ifExists, boolean cascade) implements Operation {
    }

    /**
     * @param kind             INDEX, TABLE, SCHEMA, DATABASE or SYSTEM
     * @param concurrentOption CONCURRENTLY written in the option list ({@code REINDEX (CONCURRENTLY) ...}), a syntax
     *                         PostgreSQL accepts from 14, whatever its value
     */
    record Reindex(String kind, TableRef target, boolean concurrently, boolean concurrentOption) implements Operation {
        public Reindex(String kind, TableRef target, boolean concurrently) {
            this(kind, target, concurrently, false);
        }

        @Override
        public List<TableRef> tables() {
            return target == null ? List.of() : List.of(target);
        }
    }

    // ---- partitions ---------------------------------------------------------------------------------------------

    record AttachPartition(TableRef table, TableRef partition, String bound) implements OnTable {
    }

    record DetachPartition(TableRef table, TableRef partition, boolean concurrently, boolean finalizeDetach) implements OnTable {
    }

    // ---- maintenance and explicit locks -------------------------------------------------------------------------

    record Vacuum(List<TableRef> vacuumed, boolean full, boolean analyzeOnly) implements Operation {
        @Override
        public List<TableRef> tables() {
            return vacuumed;
        }
    }

    record Cluster(TableRef table) implements Operation {
        @Override
        public List<TableRef> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /** @param mode upper-case lock mode, e.g. "ACCESS EXCLUSIVE" (the default when none is written) */
    record LockTable(List<TableRef> locked, String mode) implements Operation {
        @Override
        public List<TableRef> tables() {
            return locked;
        }
    }

    record RefreshMaterializedView(TableRef table, boolean concurrently) implements OnTable {
    }

    // ---- types and domains --------------------------------------------------------------------------------------

    record CreateDomain(String name, boolean hasCheck) implements Operation {
    }

    record AlterDomainAddConstraint(String name, boolean notValid) implements Operation {
    }

    /** ALTER DOMAIN d SET NOT NULL: every column of the domain is checked. */
    record AlterDomainSetNotNull(String name) implements Operation {
    }

    /** ALTER DOMAIN d VALIDATE CONSTRAINT c. */
    record AlterDomainValidateConstraint(String name, String constraint) implements Operation {
    }

    /** @param value the new label without quotes, or null when not written as a plain string */
    record AlterTypeAddValue(String typeName, String value) implements Operation {
    }

    /** ALTER TYPE t RENAME VALUE 'from' TO 'to'; labels null when not written as plain strings. */
    record AlterTypeRenameValue(String typeName, String from, String to) implements Operation {
    }

    // ---- schemas, databases and functions ------------------------------------------------------------------------

    /** DROP SCHEMA a [, b] [CASCADE]. */
    record DropSchema(List<String> names, boolean ifExists, boolean cascade) implements Operation {
        public DropSchema {
            names = List.copyOf(names);
        }
    }

    record DropDatabase(String name) implements Operation {
    }

    record RenameSchema(String name, String newName) implements Operation {
    }

    // ---- views --------------------------------------------------------------------------------------------------

    /**
     * CREATE [OR REPLACE] [MATERIALIZED] VIEW; {@code selectsFrom} the tables named in its query when known (an
     * {@link OnFirstUse} list when finding them is deferred until a rule reads them).
     */
    record CreateView(TableRef table, boolean materialized, List<TableRef> selectsFrom) implements OnTable {
        public CreateView {
            selectsFrom = selectsFrom instanceof OnFirstUse<TableRef> ? selectsFrom : List.copyOf(selectsFrom);
        }
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    record Update(TableRef table, RowFilter where) implements OnTable {
        public boolean hasWhere() {
            return where.present();
        }
    }

    record Delete(TableRef table, RowFilter where) implements OnTable {
        public boolean hasWhere() {
            return where.present();
        }
    }

    record Insert(TableRef table, boolean fromSelect) implements OnTable {
    }

    // ---- session and transaction control -------------------------------------------------------------------------

    /** BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / SAVEPOINT ...; {@code keyword} upper case. */
    record TransactionControl(String keyword) implements Operation {
        public boolean begins() {
            return keyword.equals("BEGIN") || keyword.equals("START TRANSACTION");
        }

        public boolean ends() {
            return keyword.equals("COMMIT") || keyword.equals("END") || keyword.equals("ROLLBACK")
                    || keyword.equals("COMMIT PREPARED") || keyword.equals("ABORT");
        }
    }

    /**
     * SET [LOCAL|SESSION] name = value / TO value, RESET name (value null), or {@code set_config('name', 'value', local)}.
     *
     * @param name  lower-case setting name, e.g. "lock_timeout"
     * @param value value as written without quotes, e.g. "5s"; null for RESET / DEFAULT
     */
    record SetSetting(String name, String value, boolean local) implements Operation {
    }

    // ---- functions ----------------------------------------------------------------------------------------------

    /**
     * CREATE [OR REPLACE] FUNCTION / PROCEDURE. Creating it runs nothing of its body; a later call does (the engine
     * analyzes the body of a function the migrations created where a statement calls it).
     *
     * @param name     normalized unqualified name
     * @param language lower case, e.g. "plpgsql", "sql"
     * @param body     the body text when given as a constant (or a BEGIN ATOMIC block); null otherwise
     * @param volatility IMMUTABLE, STABLE or VOLATILE (PostgreSQL's default when none is written)
     */
    record CreateFunction(String name, String language, String body, String volatility) implements Operation {
    }

    // ---- everything else ----------------------------------------------------------------------------------------

    /**
     * Understood, but nothing any rule cares about (CREATE FUNCTION, GRANT, COMMENT, SELECT ...).
     *
     * @param kind upper-case leading keywords, e.g. "CREATE FUNCTION"
     */
    record Other(String kind) implements Operation {
    }

    /**
     * Neither the parser nor the keyword fallback understood the statement.
     *
     * @param reason the parser's message, shortened
     */
    record Unparsed(String reason) implements Operation {
    }
}
