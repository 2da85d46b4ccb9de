package io.github.flywayzdm.lint.proof;

import java.util.EnumSet;
import java.util.Set;

/** What a statement was seen doing to table {@code t} on a real server (see {@link Observer}). */
enum Observation {
    /** a concurrent SELECT on t timed out on its lock while the statement's transaction was open */
    READS_BLOCKED,
    /** a concurrent INSERT into t timed out on its lock */
    WRITES_BLOCKED,
    /** a concurrent INSERT into the referenced table p timed out on its lock */
    PARENT_WRITES_BLOCKED,
    /** t got a new relfilenode: the table was rewritten */
    REWRITTEN,
    /** the statement read the whole of t (sequential scan counter of the transaction moved) */
    SCANNED,
    /** a new index on t was built */
    INDEX_BUILT,
    /** PostgreSQL refused it inside a transaction block (SQLSTATE 25001); REWRITTEN/INDEX_BUILT then come from an autocommit run */
    REFUSED_IN_TRANSACTION;

    static Set<Observation> none() {
        return EnumSet.noneOf(Observation.class);
    }
}
