package io.github.flywayzdm.trace.internal;

import io.github.flywayzdm.lint.PlannedScript;
import io.github.flywayzdm.trace.HeldLock;
import io.github.flywayzdm.trace.StatementTrace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs planned scripts the way Flyway does (one transaction per transactional script, autocommit otherwise) and
 * records after each statement what it locked, rewrote and scanned.
 */
public final class Tracer {

    /** The traces, the notes about seeding, and the first failure ("file:line: error") if any. */
    public record Result(List<StatementTrace> statements, List<String> notes, String failure) {
    }

    private record Pair(long oid, String mode) {
    }

    private final Connection migrating;
    private final Connection observer;
    private final long seedRows;

    public Tracer(Connection migrating, Connection observer, long seedRows) {
        this.migrating = migrating;
        this.observer = observer;
        this.seedRows = seedRows;
    }

    public Result run(List<PlannedScript> plan) throws SQLException {
        List<StatementTrace> traces = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int pid = backendPid();
        for (PlannedScript script : plan) {
            Relations before = Relations.read(migrating);
            String failure = script.transactional() ? transactional(script, before, traces) : autocommit(script, before, pid, traces);
            if (failure != null) {
                return new Result(traces, notes, failure);
            }
            if (seedRows > 0) {
                seedNewTables(before, notes);
            }
        }
        return new Result(traces, notes, null);
    }

    private String transactional(PlannedScript script, Relations before, List<StatementTrace> out) throws SQLException {
        migrating.setAutoCommit(false);
        Map<Pair, Long> firstSeen = new LinkedHashMap<>();
        Relations previous = before;
        List<Draft> drafts = new ArrayList<>();
        try {
            for (PlannedScript.Statement st : script.statements()) {
                Set<Long> named = oids(st.relations());
                long start = System.nanoTime();
                String error = execute(st.sql());
                long duration = System.nanoTime() - start;
                if (error != null) {
                    migrating.rollback();
                    out.add(trace(script, st, true, duration, List.of(), List.of(), List.of(), error));
                    return script.script().path() + ":" + st.line() + ": " + error;
                }
                LockSampler.Held held = LockSampler.own(migrating);
                Relations now = Relations.read(migrating);
                List<Pair> listed = new ArrayList<>();
                List<Pair> acquired = new ArrayList<>();
                held.modes().forEach((oid, modes) -> modes.forEach(mode -> {
                    Pair pair = new Pair(oid, mode);
                    boolean isNew = firstSeen.putIfAbsent(pair, start) == null;
                    if (isNew) {
                        acquired.add(pair);
                    }
                    if ((isNew || named.contains(oid)) && (now.contains(oid) || before.contains(oid))) {
                        listed.add(pair);
                    }
                }));
                drafts.add(new Draft(script, st, duration, listed, acquired, changed(before, previous, now), scanned(before, previous, now), now, named));
                previous = now;
            }
            migrating.commit();
            long end = System.nanoTime();
            for (Draft d : drafts) {
                List<HeldLock> locks = d.pairs().stream().map(p -> lock(p, d.after(), before, before, d.acquired().contains(p),
                        (end - firstSeen.get(p)) / 1_000_000, d.named().contains(p.oid()))).toList();
                out.add(trace(d.script(), d.statement(), true, d.nanos(), locks, d.rewritten(), d.scanned(), null));
            }
            return null;
        } finally {
            migrating.setAutoCommit(true);
        }
    }

    private String autocommit(PlannedScript script, Relations before, int pid, List<StatementTrace> out) throws SQLException {
        Relations previous = before;
        for (PlannedScript.Statement st : script.statements()) {
            Set<Long> named = oids(st.relations());
            LockSampler.Poller poller = LockSampler.poll(observer, pid);
            long start = System.nanoTime();
            String error = execute(st.sql());
            long duration = System.nanoTime() - start;
            LockSampler.Held held = poller.stop();
            Relations now = Relations.read(migrating);
            if (error != null) {
                out.add(trace(script, st, false, duration, List.of(), List.of(), List.of(), error));
                return script.script().path() + ":" + st.line() + ": " + error;
            }
            List<HeldLock> locks = new ArrayList<>();
            Relations names = previous;
            held.modes().forEach((oid, modes) -> modes.forEach(mode -> {
                if (now.contains(oid) || names.contains(oid)) {
                    locks.add(lock(new Pair(oid, mode), now, names, before, true, duration / 1_000_000, named.contains(oid)));
                }
            }));
            out.add(trace(script, st, false, duration, locks, changed(before, previous, now), List.of(), null));
            previous = now;
        }
        return null;
    }

    private record Draft(PlannedScript script, PlannedScript.Statement statement, long nanos, List<Pair> pairs, List<Pair> acquired,
                         List<String> rewritten, List<String> scanned, Relations after, Set<Long> named) {
    }

    private static StatementTrace trace(PlannedScript script, PlannedScript.Statement st, boolean tx, long nanos, List<HeldLock> locks,
                                        List<String> rewritten, List<String> scanned, String error) {
        return new StatementTrace(script.script().path(), st.line(), st.sql(), tx, nanos / 1_000_000, locks, rewritten, scanned,
                List.of(), error);
    }

    /** Existing relations whose physical file changed during the statement. */
    private static List<String> changed(Relations before, Relations previous, Relations now) {
        List<String> out = new ArrayList<>();
        for (Relations.Relation r : now.all()) {
            Relations.Relation p = previous.get(r.oid());
            if (p != null && before.contains(r.oid()) && p.filenode() != r.filenode()) {
                out.add(r.name());
            }
        }
        out.sort(null);
        return out;
    }

    /** Existing tables the statement read sequentially (the per-transaction counter grew). */
    private static List<String> scanned(Relations before, Relations previous, Relations now) {
        List<String> out = new ArrayList<>();
        for (Relations.Relation r : now.all()) {
            Relations.Relation p = previous.get(r.oid());
            if (p != null && before.contains(r.oid()) && r.scans() > p.scans()) {
                out.add(r.name());
            }
        }
        out.sort(null);
        return out;
    }

    /** {@code fallback} names relations the statement dropped; {@code before} (the script's start) decides "existing". */
    private static HeldLock lock(Pair p, Relations now, Relations fallback, Relations before, boolean acquired, long heldMillis,
                                 boolean named) {
        Relations.Relation r = now.contains(p.oid()) ? now.get(p.oid()) : fallback.get(p.oid());
        return new HeldLock(r.name(), r.kind(), p.mode(), before.contains(p.oid()), acquired, heldMillis, named);
    }

    /**
     * The relations the statement names (the engine's reading, schema already resolved), as the server identifies
     * them before it runs: a relation it drops is still found. The server parses the names, so no SQL is read here.
     */
    private Set<Long> oids(List<String> relations) throws SQLException {
        Set<Long> out = new HashSet<>();
        if (relations.isEmpty()) {
            return out;
        }
        // in a transaction, in a savepoint: a name the server cannot parse must not abort the migration's transaction
        java.sql.Savepoint savepoint = migrating.getAutoCommit() ? null : migrating.setSavepoint();
        Array names = migrating.createArrayOf("text", relations.toArray());
        try (PreparedStatement ps = migrating.prepareStatement("SELECT to_regclass(n)::oid FROM unnest(?::text[]) AS n")) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    if (!rs.wasNull()) {
                        out.add(oid);
                    }
                }
            }
            if (savepoint != null) {
                migrating.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                migrating.rollback(savepoint);
            }
            out.clear(); // an unreadable name lists nothing, as a statement naming no relation does
        } finally {
            names.free();
        }
        return out;
    }

    private String execute(String sql) {
        try (Statement s = migrating.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState() + ": ";
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return state + message.lines().findFirst().orElse(message);
        }
    }

    private void seedNewTables(Relations before, List<String> notes) throws SQLException {
        for (Relations.Relation r : Relations.read(migrating).all()) {
            if (before.contains(r.oid()) || r.partition() || !(r.kind().equals("table") || r.kind().equals("partitioned table"))) {
                continue;
            }
            if (!empty(r.name())) {
                continue;
            }
            String problem = Seeder.seed(migrating, r.name(), seedRows);
            notes.add(problem == null ? "seeded " + r.name() + " with " + seedRows + " rows"
                    : "could not seed " + r.name() + ": " + problem);
        }
    }

    private boolean empty(String table) throws SQLException {
        try (Statement s = migrating.createStatement(); ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private int backendPid() throws SQLException {
        try (PreparedStatement ps = migrating.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
