package io.github.flywayzdm.lint.disguise;

import io.github.flywayzdm.lint.proof.ServerProbe;
import io.github.flywayzdm.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs migrations through real Flyway on a real PostgreSQL and watches one live table while the last migration is still
 * open: a Flyway callback after that migration (inside its transaction when it has one) probes from a second session
 * whether reads and writes of the table are blocked, and compares the table's file node (rewrite), its index count
 * (index build) and its sequential scans in that transaction with what they were before.
 */
final class FlywayRun {

    enum Seen { READS_BLOCKED, WRITES_BLOCKED, REWRITTEN, INDEX_BUILT, SCANNED }

    private FlywayRun() {
    }

    /**
     * @param scripts file name → content, applied in Flyway's order; the last one (by name order) is watched
     * @param table   the live table to watch, e.g. {@code public.orders}
     */
    static Set<Seen> migrate(TestDatabase db, Map<String, String> scripts, String table, Map<String, String> placeholders)
            throws IOException, SQLException {
        Path dir = Files.createTempDirectory("zdm-disguise");
        String target = null;
        for (Map.Entry<String, String> e : scripts.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (e.getKey().endsWith(".sql")) {
                Files.write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
                if (target == null || e.getKey().compareTo(target) > 0) {
                    target = e.getKey();
                }
            } else {
                Files.writeString(file, e.getValue());
            }
        }
        Probe probe = new Probe(db, table, target);
        Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).placeholders(placeholders)
                .callbacks(probe).load().migrate();
        return probe.seen;
    }

    static Set<Seen> migrate(TestDatabase db, Map<String, String> scripts, String table) throws IOException, SQLException {
        return migrate(db, scripts, table, new LinkedHashMap<>());
    }

    private static final class Probe implements Callback {
        private final TestDatabase db;
        private final String table;
        private final String target;
        private final Set<Seen> seen = EnumSet.noneOf(Seen.class);
        private long fileBefore = -1;
        private long indexesBefore = -1;

        Probe(TestDatabase db, String table, String target) {
            this.db = db;
            this.table = table;
            this.target = target;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (context.getMigrationInfo() == null || !context.getMigrationInfo().getScript().endsWith(target)) {
                return;
            }
            try {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    try (Connection c = db.connect(); Statement s = c.createStatement()) {
                        fileBefore = ServerProbe.number(s, "SELECT pg_relation_filenode('" + table + "')");
                        indexesBefore = ServerProbe.number(s, "SELECT count(*) FROM pg_index WHERE indrelid = '" + table + "'::regclass");
                    }
                    return;
                }
                try (Statement own = context.getConnection().createStatement()) {
                    String relname = table.substring(table.indexOf('.') + 1);
                    String schema = table.substring(0, table.indexOf('.'));
                    if (ServerProbe.number(own, "SELECT coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relname = '" + relname
                            + "' AND schemaname = '" + schema + "'") > 0) {
                        seen.add(Seen.SCANNED);
                    }
                }
                try (Connection other = db.connect(); Statement s = other.createStatement()) {
                    if (ServerProbe.blocked(other, "SELECT count(*) FROM " + table, "300ms")) {
                        seen.add(Seen.READS_BLOCKED);
                    }
                    if (ServerProbe.blocked(other, "UPDATE " + table + " SET id = id WHERE id = 1", "300ms")) {
                        seen.add(Seen.WRITES_BLOCKED);
                    }
                    if (ServerProbe.number(s, "SELECT pg_relation_filenode('" + table + "')") != fileBefore) {
                        seen.add(Seen.REWRITTEN); // visible to another session only after commit: see below
                    }
                }
                try (Statement own = context.getConnection().createStatement()) {
                    if (ServerProbe.number(own, "SELECT pg_relation_filenode('" + table + "')") != fileBefore) {
                        seen.add(Seen.REWRITTEN);
                    }
                    if (ServerProbe.number(own, "SELECT count(*) FROM pg_index WHERE indrelid = '" + table + "'::regclass") > indexesBefore) {
                        seen.add(Seen.INDEX_BUILT);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("probe failed: " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "zdm-disguise-probe";
        }
    }
}
