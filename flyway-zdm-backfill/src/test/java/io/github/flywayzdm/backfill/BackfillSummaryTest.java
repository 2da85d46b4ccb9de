package io.github.flywayzdm.backfill;

import io.github.flywayzdm.testsupport.TestDatabase;
import io.github.flywayzdm.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;

import static io.github.flywayzdm.backfill.BackfillTest.FAST;
import static org.assertj.core.api.Assertions.assertThat;

/** What a run prints (slf4j-simple writes to System.err), right after ADD COLUMN on a table loaded since its ANALYZE. */
@WithPostgres
class BackfillSummaryTest {

    @Test
    void progressUsesTheKeyRangeWhenStatisticsAreStaleAndEveryRunEndsWithOneSummaryLine(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0) "
                        + "WITH (autovacuum_enabled = false)", // no ANALYZE behind the test's back
                "INSERT INTO orders (id) SELECT g FROM generate_series(1, 500) g", "ANALYZE orders",
                "INSERT INTO orders (id) SELECT g FROM generate_series(501, 20000) g");
        String printed = printedBy(() -> BackfillTest.statusBackfill(FAST.withProgressInterval(Duration.ZERO)).run(db.dataSource()));
        // reltuples says 500 rows: without the key range the lines would read "(100%)" from the first thousand rows on
        assertThat(printed).containsPattern("[0-9,]+ rows \\([1-9]\\d?% of the key range\\)").doesNotContain("rows (100%)");
        assertThat(printed.lines().filter(l -> l.contains(": complete: 20,000 rows in ")).count()).isEqualTo(1);

        String again = printedBy(() -> BackfillTest.statusBackfill(FAST).run(db.dataSource()));
        assertThat(again).contains("already done (20000 rows)");

        db.execute("CREATE TABLE small (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0)",
                "INSERT INTO small (id) SELECT g FROM generate_series(1, 50) g");
        String shortRun = printedBy(() -> {
            try (Connection c = db.connect()) {
                return Backfill.of("small").key("id").set("status = 'x'").options(FAST).build().run(c);
            }
        });
        assertThat(shortRun.lines().filter(l -> l.contains(": complete: 50 rows in ")).count()).as(shortRun).isEqualTo(1);
    }

    interface Run {
        BackfillResult run() throws Exception;
    }

    private static String printedBy(Run run) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
