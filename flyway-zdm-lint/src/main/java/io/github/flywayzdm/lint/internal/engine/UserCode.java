package io.github.flywayzdm.lint.internal.engine;

import io.github.flywayzdm.lint.internal.model.ColumnDef;
import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;
import io.github.flywayzdm.lint.internal.model.TypeName;

import java.util.Set;

/**
 * Whether running an operation can execute code a user defined (a function, a trigger, a domain CHECK, a type's
 * support function) and so change session settings behind the script's back. Conservative: only operations known to
 * run nothing but PostgreSQL's own code are cleared; everything else, an unknown type included, may run user code.
 * Event triggers fire on almost every DDL statement and are not visible in a script: callers check for them on the
 * server (the migrate-time guard does).
 */
final class UserCode {

    /** Types whose input, output, typmod and btree support functions are PostgreSQL's own (canonical spellings). */
    private static final Set<String> BUILT_IN_TYPES = Set.of("integer", "bigint", "smallint", "text", "character varying",
            "character", "boolean", "numeric", "real", "double precision", "uuid", "json", "jsonb", "bytea", "date",
            "timestamp with time zone", "timestamp without time zone", "time with time zone", "time without time zone",
            "interval", "inet", "cidr", "macaddr", "serial", "bigserial", "smallserial", "bit", "bit varying", "money",
            "xml", "oid", "name");

    /** Leading keywords of statements that only change the catalog through PostgreSQL's own code. */
    private static final Set<String> PLAIN_KINDS = Set.of("COMMENT", "GRANT", "REVOKE");

    private UserCode() {
    }

    static boolean mayRun(Operation op) {
        if (op instanceof Operation.CreateTable t) {
            // defaults, CHECKs and foreign keys are not evaluated on a new, empty table; PARTITION OF may scan a
            // default partition and AS runs a query
            return t.asSelect() || t.partitionOf() != null || !t.columns().stream().allMatch(UserCode::plainNewColumn)
                    || t.constraints().stream().anyMatch(c -> c.kind() == ConstraintDef.Kind.EXCLUDE
                    || keyed(c) && !c.columns().stream().allMatch(name -> builtInColumn(t, name)));
        }
        if (op instanceof Operation.AddColumn a) {
            // existing rows get NULL: nothing is evaluated unless a default, a constraint or a domain type asks for it
            ColumnDef c = a.column();
            return c.defaultExpr() != null || c.generated() != ColumnDef.Generated.NONE || c.inlinePrimaryKey()
                    || c.inlineUnique() || c.inlineCheck() != null || c.references() != null || !builtIn(c.type());
        }
        if (op instanceof Operation.Other o) {
            return !PLAIN_KINDS.contains(o.kind());
        }
        return !(op instanceof Operation.DropTable || op instanceof Operation.DropColumn
                || op instanceof Operation.RenameTable || op instanceof Operation.RenameColumn
                || op instanceof Operation.RenameConstraint || op instanceof Operation.DropConstraint
                || op instanceof Operation.DropNotNull || op instanceof Operation.AlterColumnDefault
                || op instanceof Operation.DropView);
    }

    /** A column of a new table: a type with modifiers calls the type's typmod function, a key builds an index. */
    private static boolean plainNewColumn(ColumnDef c) {
        TypeName type = c.type();
        if (type == null) {
            return false;
        }
        boolean indexed = c.inlinePrimaryKey() || c.inlineUnique();
        return builtIn(type) || !indexed && type.modifiers().isEmpty();
    }

    private static boolean keyed(ConstraintDef c) {
        return c.kind() == ConstraintDef.Kind.PRIMARY_KEY || c.kind() == ConstraintDef.Kind.UNIQUE;
    }

    private static boolean builtInColumn(Operation.CreateTable t, String name) {
        return t.columns().stream().anyMatch(c -> c.name().equals(name) && builtIn(c.type()));
    }

    private static boolean builtIn(TypeName type) {
        return type != null && BUILT_IN_TYPES.contains(type.name());
    }
}
