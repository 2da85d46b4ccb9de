package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class KeyOrderPlanTest {

    private static boolean inKeyOrder(Connection c, String table, List<String> key, String update) throws Exception {
        KeyOrderPlan plan = KeyOrderPlan.of(c, table, key);
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + update)) {
            explain.setLong(1, 100);
            explain.setLong(2, 200);
            return plan.visitsInKeyOrder(explain);
        }
    }

    private static String plan(Connection c, String update) throws Exception {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + update)) {
            explain.setLong(1, 100);
            explain.setLong(2, 200);
            try (var rs = explain.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    void aForwardScanOfAnIndexLeadingWithTheKeyIsKeyOrderAndNothingElseIs(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id bigint PRIMARY KEY, tenant int NOT NULL, v int)",
                "INSERT INTO t SELECT g, g % 10, 0 FROM generate_series(1, 50000) g",
                "CREATE UNIQUE INDEX t_tenant_id ON t (tenant, id)",
                "CREATE TABLE u (id bigint NOT NULL, v int)", "CREATE INDEX u_id_desc ON u (id DESC)",
                "INSERT INTO u SELECT g, 0 FROM generate_series(1, 50000) g", "ANALYZE t", "ANALYZE u");
        String range = " WHERE id > ? AND id <= ?";
        try (Connection c = db.connect()) {
            assertThat(inKeyOrder(c, "\"t\"", List.of("id"), "UPDATE t SET v = 1" + range)).isTrue();
            String composite = "UPDATE t SET v = 1 WHERE (tenant, id) > (1, ?) AND (tenant, id) <= (1, ?)";
            assertThat(inKeyOrder(c, "\"t\"", List.of("tenant", "id"), composite)).as("the planner's bitmap scan: " + plan(c, composite))
                    .isFalse();
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_bitmapscan = off; SET enable_seqscan = off");
                assertThat(inKeyOrder(c, "\"t\"", List.of("tenant", "id"), composite)).as(plan(c, composite)).isTrue();
                s.execute("RESET enable_bitmapscan; RESET enable_seqscan");
            }
            assertThat(inKeyOrder(c, "\"u\"", List.of("id"), "UPDATE u SET v = 1" + range)).as("descending index").isFalse();
            assertThat(inKeyOrder(c, "\"t\"", List.of("id"), "UPDATE t SET v = (SELECT max(v) FROM u WHERE u.id = t.id)" + range))
                    .as("a subplan").isFalse();
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_indexscan = off");
            }
            assertThat(inKeyOrder(c, "\"t\"", List.of("id"), "UPDATE t SET v = 1" + range)).as("bitmap scan").isFalse();
        }
    }
}
