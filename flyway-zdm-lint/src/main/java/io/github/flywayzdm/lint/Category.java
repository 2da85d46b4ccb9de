package io.github.flywayzdm.lint;

/** What kind of harm a rule prevents. */
public enum Category {
    /** Locks that block traffic, table rewrites and full scans under a strong lock. */
    LOCKING,
    /** Changes that break application code still running against the old schema (expand/contract). */
    COMPATIBILITY,
    /** Transaction handling: CONCURRENTLY in a transaction, explicit BEGIN/COMMIT, VALIDATE in the same transaction. */
    TRANSACTION,
    /** Schema hygiene: types and keys that cause pain later. Off or info by default. */
    HYGIENE,
    /** Findings about the input or the tool itself: unparsed statements, suppressions. */
    TOOL
}
