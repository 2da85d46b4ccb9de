package io.github.flywayzdm.lint.internal.rules;

import io.github.flywayzdm.lint.internal.model.ConstraintDef;
import io.github.flywayzdm.lint.internal.model.Operation;

/**
 * The table-level lock each operation takes on the table it names (PostgreSQL documentation, checked with pg_locks
 * in the trace module's proofs). Only the levels the rules distinguish.
 */
public enum LockLevels {
    /** No table lock worth a timeout (data changes take ROW EXCLUSIVE, which only conflicts with DDL). */
    NONE,
    /** SHARE UPDATE EXCLUSIVE: blocks other DDL and VACUUM, not reads or writes. */
    SHARE_UPDATE_EXCLUSIVE,
    /** SHARE / SHARE ROW EXCLUSIVE: blocks writes. */
    SHARE,
    /** ACCESS EXCLUSIVE: blocks everything, including reads. */
    ACCESS_EXCLUSIVE;

    public static LockLevels of(Operation op) {
        if (op instanceof Operation.CreateIndex i) {
            return i.concurrently() ? SHARE_UPDATE_EXCLUSIVE : SHARE;
        }
        if (op instanceof Operation.ValidateConstraint || op instanceof Operation.SetStorageParameters
                || op instanceof Operation.AlterColumnOption) {
            return SHARE_UPDATE_EXCLUSIVE;
        }
        if (op instanceof Operation.DetachPartition d) {
            return d.concurrently() ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        }
        if (op instanceof Operation.AttachPartition) {
            return SHARE_UPDATE_EXCLUSIVE; // on the parent since PG 12; the partition gets ACCESS EXCLUSIVE
        }
        if (op instanceof Operation.AddConstraint a) {
            return a.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY ? SHARE : ACCESS_EXCLUSIVE;
        }
        if (op instanceof Operation.DropIndex d) {
            return d.concurrently() ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        }
        if (op instanceof Operation.Reindex r) {
            return r.concurrently() ? SHARE_UPDATE_EXCLUSIVE : SHARE;
        }
        if (op instanceof Operation.RefreshMaterializedView r) {
            return r.concurrently() ? SHARE : ACCESS_EXCLUSIVE;
        }
        if (op instanceof Operation.LockTable l) {
            return switch (l.mode()) {
                case "ACCESS EXCLUSIVE" -> ACCESS_EXCLUSIVE;
                case "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE" -> SHARE;
                default -> NONE; // ACCESS SHARE, ROW SHARE, ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE do not block DML
            };
        }
        if (op instanceof Operation.Vacuum v) {
            return v.full() ? ACCESS_EXCLUSIVE : NONE;
        }
        if (op instanceof Operation.AddColumn || op instanceof Operation.DropColumn || op instanceof Operation.RenameColumn
                || op instanceof Operation.RenameTable || op instanceof Operation.AlterColumnType
                || op instanceof Operation.SetNotNull || op instanceof Operation.DropNotNull
                || op instanceof Operation.AlterColumnDefault || op instanceof Operation.DropConstraint
                || op instanceof Operation.SetTablespace || op instanceof Operation.SetLogged
                || op instanceof Operation.OtherAlterTable || op instanceof Operation.RenameConstraint || op instanceof Operation.Cluster
                || op instanceof Operation.Truncate || op instanceof Operation.DropTable) {
            return ACCESS_EXCLUSIVE;
        }
        return NONE;
    }
}
