package io.github.flywayzdm.backfill.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private static final RowEstimate ROWS_1000 = new RowEstimate(1_000, Double.NaN, Double.NaN);

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndedOnce() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = new Progress("backfill x", ROWS_1000, 0, Duration.ofSeconds(10), new PrintStream(out, true, StandardCharsets.UTF_8), line -> { });
        Thread.sleep(250);
        progress.report(500, 100, null, null);
        progress.report(600, 100, null, null); // within 200 ms of the last draw: skipped
        Thread.sleep(250);
        progress.report(700, 100, null, null);
        progress.finish(1_000, "summary");
        String drawn = out.toString(StandardCharsets.UTF_8);
        assertThat(drawn.split("\r", -1)).hasSize(4); // two draws and the final line
        assertThat(drawn).contains("[###############...............] 500 rows (50%)")
                .contains("700 rows (70%)").doesNotContain("600 rows")
                .contains("\r[##############################] 1,000 rows (100%), ").endsWith("\n");
        assertThat(drawn.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(drawn).containsPattern("rows/s, ETA \\d+:\\d{2}");
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = new Progress("backfill x", ROWS_1000, 0, Duration.ZERO, null, line -> { });
        progress.report(500, 100, null, null);
        progress.finish(1_000, "summary");
        assertThat(out.size()).isZero();
        assertThat(progress.bar(250, System.nanoTime())).startsWith("[########......................] 250 rows (25%)");
    }

    @Test
    void withStaleStatisticsTheShareComesFromTheKeyRangeNeverAFalseZeroPercent() {
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress("backfill x", new RowEstimate(-1, 0, 1_000_000), 0, Duration.ZERO, null, lines::add);
        progress.report(139_000, 1_000, null, new String[] {"139000"});
        progress.report(250_000, 1_000, new String[] {"139000"}, new String[] {"250000"});
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("139,000 rows (14% of the key range)");
        assertThat(lines.get(1)).contains("250,000 rows (25% of the key range)").containsPattern("ETA \\d+:\\d{2}");
    }

    @Test
    void withoutAnyEstimateItSaysSoAndPrintsNoEta() {
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress("backfill x", RowEstimate.UNKNOWN, 0, Duration.ZERO, null, lines::add);
        progress.report(5_000, 100, null, new String[] {"k"});
        assertThat(lines.get(0)).contains("5,000 rows (total unknown: the table's statistics are stale)").doesNotContain("ETA")
                .doesNotContain("%");
    }

    @Test
    void aRunShorterThanOneIntervalStillPrintsItsSummary() {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress onTerminal = new Progress("backfill x", ROWS_1000, 0, Duration.ofSeconds(10), new PrintStream(out, true, StandardCharsets.UTF_8), lines::add);
        onTerminal.report(10, 10, null, null); // within the first 200 ms: not drawn
        onTerminal.finish(10, "backfill x: complete: 10 rows in 1 batches");
        Progress logged = new Progress("backfill y", ROWS_1000, 0, Duration.ofSeconds(10), null, lines::add);
        logged.report(10, 10, null, null);
        logged.finish(10, "backfill y: complete: 10 rows in 1 batches");
        assertThat(lines).containsExactly("backfill x: complete: 10 rows in 1 batches", "backfill y: complete: 10 rows in 1 batches");
    }
}
