package io.github.flywayzdm.trace;

import io.github.flywayzdm.trace.internal.LockModes;

/**
 * A relation lock the migrating session held after a statement.
 *
 * @param relation   schema-qualified name (or the OID when the relation is gone)
 * @param kind       {@code table}, {@code partitioned table}, {@code index}, {@code materialized view}, ...
 * @param mode       PostgreSQL's lock mode name, e.g. {@code AccessExclusiveLock}
 * @param existing   whether the relation existed before this migration (locks on new tables hurt nobody)
 * @param acquired   true when this statement took it; false when an earlier statement of the same transaction did
 * @param heldMillis how long it was held: from the start of the statement that took it to the end of the transaction
 * @param named      the statement names this relation, as the linter's analysis reads it (search_path followed, names
 *                   in strings and comments ignored); false for a lock it took on a table it does not name (a
 *                   foreign-key target of a dropped table, a partition, a parent)
 */
public record HeldLock(String relation, String kind, String mode, boolean existing, boolean acquired, long heldMillis,
                       boolean named) {

    /** Modes that block INSERT/UPDATE/DELETE: SHARE and stronger. */
    public boolean blocksWrites() {
        return LockModes.blocksWrites(mode);
    }

    /** ACCESS EXCLUSIVE: blocks reads too. */
    public boolean blocksReads() {
        return mode.equals("AccessExclusiveLock");
    }
}
