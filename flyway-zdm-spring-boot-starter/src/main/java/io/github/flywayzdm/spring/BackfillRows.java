package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.BackfillJobs;
import io.github.flywayzdm.backfill.BackfillStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoint's backfill list; a class of its own so the endpoint loads without flyway-zdm-backfill. */
final class BackfillRows {

    private BackfillRows() {
    }

    static void into(Map<String, Object> body, DataSource dataSource, String checkpointSchema) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (BackfillStatus s : BackfillJobs.in(checkpointSchema).status(c)) {
                rows.add(row(s));
            }
            body.put("backfills", rows);
        } catch (SQLException | RuntimeException e) {
            body.put("backfills", rows);
            body.put("backfillsError", e.getMessage()); // one line: the endpoint is read by people and dashboards
        }
    }

    private static Map<String, Object> row(BackfillStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("table", s.table());
        m.put("mode", s.background() ? "background" : "synchronous");
        m.put("state", s.status());
        m.put("progressPercent", s.percent() < 0 ? null : Math.round(s.percent() * 10) / 10.0);
        m.put("rowsDone", s.rowsDone());
        m.put("rowsPerSecond", Math.round(s.rowsPerSecond()));
        m.put("etaSeconds", s.eta() == null ? null : s.eta().toSeconds());
        m.put("chunks", s.chunks());
        m.put("chunksDone", s.chunksDone());
        m.put("holders", s.holders());
        m.put("lastError", s.lastError());
        m.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        m.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        m.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        return m;
    }
}
