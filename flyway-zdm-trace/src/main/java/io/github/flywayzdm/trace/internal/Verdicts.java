package io.github.flywayzdm.trace.internal;

import io.github.flywayzdm.lint.Category;
import io.github.flywayzdm.lint.Finding;
import io.github.flywayzdm.lint.Linter;
import io.github.flywayzdm.lint.RuleInfo;
import io.github.flywayzdm.lint.Severity;
import io.github.flywayzdm.trace.HeldLock;
import io.github.flywayzdm.trace.StatementTrace;
import io.github.flywayzdm.trace.TraceFinding;
import io.github.flywayzdm.trace.TraceRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns observations into findings: the dangerous combinations, and where the static rules and the server disagree.
 * Only relations that existed before the migration count: locking a table created in the same migration hurts nobody.
 */
public final class Verdicts {

    /** Static rules whose claim is not about locks, rewrites or scans of this statement. */
    private static final Set<String> NOT_LOCK_CLAIMS = Set.of("missing-lock-timeout", "statements-after-access-exclusive",
            "unbatched-data-change", "concurrent-index-pg14-corruption");

    private final long longHoldMillis;

    public Verdicts(long longHoldMillis) {
        this.longHoldMillis = longHoldMillis;
    }

    public List<TraceFinding> judge(List<StatementTrace> statements) {
        List<TraceFinding> out = new ArrayList<>();
        for (StatementTrace s : statements) {
            if (!s.failed()) {
                judge(s, out);
            }
        }
        return out;
    }

    private void judge(StatementTrace s, List<TraceFinding> out) {
        List<TraceFinding> dangers = new ArrayList<>();
        List<String> rewrittenUnderAel = s.rewritten().stream().filter(r -> "AccessExclusiveLock".equals(s.strongestLockOn(r))).toList();
        if (!rewrittenUnderAel.isEmpty()) {
            dangers.add(finding(TraceRules.REWRITE, Severity.ERROR, s, "rewrote " + String.join(", ", rewrittenUnderAel)
                    + " (new relfilenode) while holding AccessExclusiveLock: no reads or writes for the " + s.durationMillis() + " ms it took",
                    "Avoid the rewrite (a nullable column, a constant or non-volatile default, a type change PostgreSQL can do "
                            + "in place), or do it as a new column filled by a batched backfill."));
        }
        Set<String> indexedTables = new LinkedHashSet<>();
        for (HeldLock l : s.locks()) {
            // a rewrite also takes SHARE to rebuild indexes; only SHARE as the strongest lock means an index build
            if (l.existing() && l.acquired() && l.mode().equals("ShareLock") && isTable(l) && "ShareLock".equals(s.strongestLockOn(l.relation()))) {
                indexedTables.add(l.relation());
            }
        }
        if (!indexedTables.isEmpty()) {
            dangers.add(finding(TraceRules.INDEX_BUILD, Severity.ERROR, s, "held ShareLock on " + String.join(", ", indexedTables)
                    + " for " + s.durationMillis() + " ms: every INSERT, UPDATE and DELETE waited for the index build",
                    "CREATE INDEX CONCURRENTLY in its own non-transactional migration."));
        }
        List<String> scannedUnderLock = new ArrayList<>();
        for (String table : s.scanned()) {
            String mode = s.strongestLockOn(table);
            if (mode != null && LockModes.blocksWrites(mode) && !s.rewrote(table) && !indexedTables.contains(table)) {
                scannedUnderLock.add(table + " (" + mode + ")");
            }
        }
        if (!scannedUnderLock.isEmpty()) {
            dangers.add(finding(TraceRules.SCAN, Severity.ERROR, s, "scanned " + String.join(", ", scannedUnderLock)
                    + " while holding a lock that blocks writes, for the " + s.durationMillis() + " ms of the statement",
                    "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (it scans under "
                            + "SHARE UPDATE EXCLUSIVE, which lets reads and writes go on)."));
        }
        out.addAll(dangers);
        heldTooLong(s, out);
        unnamed(s, out);
        compareWithStatic(s, dangers, out);
    }

    private void heldTooLong(StatementTrace s, List<TraceFinding> out) {
        if (!s.transactional()) {
            return;
        }
        List<String> long_ = s.locks().stream()
                .filter(l -> l.existing() && l.acquired() && isTable(l) && l.blocksWrites() && l.heldMillis() - s.durationMillis() > longHoldMillis)
                .map(l -> l.mode() + " on " + l.relation() + " for " + l.heldMillis() + " ms").toList();
        if (!long_.isEmpty()) {
            out.add(finding(TraceRules.HELD, Severity.WARNING, s, "kept " + String.join(", ", long_) + " until the transaction committed, "
                    + "long after this statement finished (later statements of the same migration ran while traffic waited)",
                    "Move this statement into its own migration, or put it last, so its lock is released at once."));
        }
    }

    private static void unnamed(StatementTrace s, List<TraceFinding> out) {
        List<String> other = s.locks().stream()
                .filter(l -> l.existing() && l.acquired() && isTable(l) && l.blocksWrites() && !l.named())
                .map(l -> l.relation() + " (" + l.mode() + ")").distinct().toList();
        if (!other.isEmpty()) {
            out.add(finding(TraceRules.UNNAMED, Severity.WARNING, s, "also locked " + String.join(", ", other)
                    + ", which the statement does not name (a foreign-key target, a partition or a parent table)",
                    "Plan for the traffic on those tables too: add lock_timeout and run it off-peak, or use the NOT VALID / "
                            + "CONCURRENTLY form that takes a weaker lock."));
        }
    }

    private static void compareWithStatic(StatementTrace s, List<TraceFinding> dangers, List<TraceFinding> out) {
        List<Finding> flagged = s.staticFindings().stream().filter(f -> !f.ruleId().equals("missing-lock-timeout"))
                .filter(f -> f.severity().atLeast(Severity.WARNING) || f.suppressed()).toList();
        if (!dangers.isEmpty() && flagged.isEmpty()) {
            out.add(finding(TraceRules.STATIC_MISSED, Severity.INFO, s, "the static rules found nothing here, but the server showed "
                    + dangers.stream().map(TraceFinding::ruleId).collect(Collectors.joining(", ")), "For rule authors: add a rule or a corpus case."));
        }
        List<Finding> claims = flagged.stream().filter(f -> !NOT_LOCK_CLAIMS.contains(f.ruleId()))
                .filter(f -> Linter.rule(f.ruleId()).map(RuleInfo::category).orElse(null) == Category.LOCKING).toList();
        boolean observed = !dangers.isEmpty() || s.locks().stream().anyMatch(l -> l.existing() && l.blocksWrites());
        if (!claims.isEmpty() && !observed) {
            out.add(finding(TraceRules.STATIC_UNCONFIRMED, Severity.INFO, s, "static rule(s) " + claims.stream().map(Finding::ruleId).distinct()
                    .collect(Collectors.joining(", ")) + " flagged this statement, but the server showed no rewrite, no scan under a "
                    + "blocking lock and no write-blocking lock on an existing table", "For rule authors: check the rule's version and size conditions."));
        }
    }

    private static boolean isTable(HeldLock l) {
        return l.kind().equals("table") || l.kind().equals("partitioned table") || l.kind().equals("materialized view");
    }

    private static TraceFinding finding(String id, Severity severity, StatementTrace s, String message, String fix) {
        return new TraceFinding(id, severity, s.file(), s.line(), message, fix);
    }
}
