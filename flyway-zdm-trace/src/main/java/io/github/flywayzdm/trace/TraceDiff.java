package io.github.flywayzdm.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** What the same migrations did differently on two servers (typically two PostgreSQL majors). */
public final class TraceDiff {

    /** One statement that behaved differently: {@code left} and {@code right} say how, in words. */
    public record Difference(String file, int line, String sql, String left, String right) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + left + " | " + right;
        }
    }

    private TraceDiff() {
    }

    public static List<Difference> between(TraceReport left, TraceReport right) {
        List<Difference> out = new ArrayList<>();
        for (StatementTrace l : left.statements()) {
            Optional<StatementTrace> r = right.statement(l.file(), l.line());
            if (r.isEmpty()) {
                out.add(new Difference(l.file(), l.line(), l.sql(), left.serverVersion() + ": " + describe(l),
                        right.serverVersion() + ": not run (an earlier statement failed)"));
                continue;
            }
            String a = describe(l);
            String b = describe(r.get());
            if (!a.equals(b)) {
                out.add(new Difference(l.file(), l.line(), l.sql(), left.serverVersion() + ": " + a, right.serverVersion() + ": " + b));
            }
        }
        for (StatementTrace r : right.statements()) {
            if (left.statement(r.file(), r.line()).isEmpty()) {
                out.add(new Difference(r.file(), r.line(), r.sql(), left.serverVersion() + ": not run (an earlier statement failed)",
                        right.serverVersion() + ": " + describe(r)));
            }
        }
        return out;
    }

    /** The version-independent facts of a statement: outcome, rewrites, scans and the strongest lock per existing relation. */
    static String describe(StatementTrace s) {
        if (s.failed()) {
            return "failed (" + s.error() + ")";
        }
        TreeMap<String, String> strongest = new TreeMap<>();
        for (HeldLock l : s.locks()) {
            if (l.existing() && l.acquired() && !l.kind().equals("index")) {
                strongest.put(l.relation(), s.strongestLockOn(l.relation()));
            }
        }
        return "ok" + (s.rewritten().isEmpty() ? "" : ", rewrote " + s.rewritten()) + (s.scanned().isEmpty() ? "" : ", scanned " + s.scanned())
                + (strongest.isEmpty() ? "" : ", locks " + strongest);
    }
}
