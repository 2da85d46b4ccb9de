package io.github.flywayzdm.trace;

import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.trace.internal.LockModes;

import java.util.List;

/**
 * What one statement really did on the server.
 *
 * @param file           the script, as the linter names it
 * @param line           the statement's first line
 * @param sql            the statement as executed (placeholders substituted)
 * @param transactional  whether it ran inside its script's transaction (locks then last until commit)
 * @param durationMillis the statement's own execution time
 * @param locks          relation locks held after it (in a transaction) or seen while it ran (autocommit)
 * @param rewritten      relations whose relfilenode changed: a new physical copy was written
 * @param scanned        existing tables it read sequentially (per-transaction statistics; transactional scripts only)
 * @param staticFindings what the linter says about the same statement
 * @param error          the server's error ("SQLSTATE: message") when it failed, else null
 */
public record StatementTrace(String file, int line, String sql, boolean transactional, long durationMillis, List<HeldLock> locks,
                             List<String> rewritten, List<String> scanned, List<Finding> staticFindings, String error) {

    public StatementTrace {
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
        scanned = List.copyOf(scanned);
        staticFindings = List.copyOf(staticFindings);
    }

    public boolean failed() {
        return error != null;
    }

    /** The strongest mode held on {@code relation} (matched on the name with or without schema), or null. */
    public String strongestLockOn(String relation) {
        return locks.stream().filter(l -> sameRelation(l.relation(), relation)).map(HeldLock::mode)
                .max(java.util.Comparator.comparingInt(LockModes::strength)).orElse(null);
    }

    public boolean rewrote(String relation) {
        return rewritten.stream().anyMatch(r -> sameRelation(r, relation));
    }

    public boolean scannedTable(String relation) {
        return scanned.stream().anyMatch(r -> sameRelation(r, relation));
    }

    static boolean sameRelation(String qualified, String name) {
        return qualified.equals(name) || qualified.endsWith("." + name);
    }
}
