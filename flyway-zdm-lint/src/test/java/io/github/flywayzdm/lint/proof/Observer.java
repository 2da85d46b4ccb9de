package io.github.flywayzdm.lint.proof;

import io.github.flywayzdm.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/**
 * Runs a statement inside an open transaction on one session and watches it from others: which concurrent reads and
 * writes it blocks (probes with a short lock_timeout), whether it rewrote or scanned t, whether it built an index.
 * The transaction is rolled back afterwards, so each probe sees the locks the statement holds until commit.
 */
final class Observer {

    static final String SCHEMA = """
            CREATE TABLE p (id bigint PRIMARY KEY);
            INSERT INTO p SELECT g FROM generate_series(1, 100) g;
            CREATE TABLE t (id bigint PRIMARY KEY, c text, n int, pid bigint);
            INSERT INTO t SELECT g, 'v' || g, g, 1 + g % 100 FROM generate_series(1, 2000) g;
            ANALYZE t;
            """;

    private Observer() {
    }

    static Set<Observation> observe(TestDatabase db, String setup, String statement) throws SQLException {
        db.execute(SCHEMA);
        if (!setup.isBlank()) {
            db.execute(setup);
        }
        Set<Observation> seen = EnumSet.noneOf(Observation.class);
        try (Connection a = db.connect(); Connection b = db.connect(); Statement sa = a.createStatement()) {
            long fileBefore = ServerProbe.number(sa, "SELECT pg_relation_filenode('t')");
            long indexesBefore = ServerProbe.number(sa, "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass");
            a.setAutoCommit(false);
            long scansBefore = ServerProbe.number(sa, "SELECT coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relname = 't'");
            try {
                sa.execute(statement);
            } catch (SQLException e) {
                if ("25001".equals(e.getSQLState())) {
                    // refused in a transaction block: run it the way it must run, in autocommit, and look at the result
                    seen.add(Observation.REFUSED_IN_TRANSACTION);
                    a.rollback();
                    a.setAutoCommit(true);
                    sa.execute(statement);
                    if (ServerProbe.number(sa, "SELECT pg_relation_filenode('t')") != fileBefore) {
                        seen.add(Observation.REWRITTEN);
                    }
                    if (ServerProbe.number(sa, "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass") > indexesBefore) {
                        seen.add(Observation.INDEX_BUILT);
                    }
                    return seen;
                }
                throw e;
            }
            if (ServerProbe.blocked(b, "SELECT count(*) FROM t", "200ms")) {
                seen.add(Observation.READS_BLOCKED);
            }
            if (ServerProbe.blocked(b, "INSERT INTO t (id, c, n, pid) VALUES (100000, 'x', 1, 1)", "200ms")) {
                seen.add(Observation.WRITES_BLOCKED);
            }
            if (ServerProbe.blocked(b, "INSERT INTO p (id) VALUES (100000)", "200ms")) {
                seen.add(Observation.PARENT_WRITES_BLOCKED);
            }
            if (ServerProbe.number(sa, "SELECT coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relname = 't'") > scansBefore) {
                seen.add(Observation.SCANNED);
            }
            if (ServerProbe.number(sa, "SELECT pg_relation_filenode('t')") != fileBefore) {
                seen.add(Observation.REWRITTEN);
            }
            if (ServerProbe.number(sa, "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass") > indexesBefore) {
                seen.add(Observation.INDEX_BUILT);
            }
            a.rollback();
        }
        return seen;
    }
}
