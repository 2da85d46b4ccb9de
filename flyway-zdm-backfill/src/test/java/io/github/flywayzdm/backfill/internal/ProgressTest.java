package io.github.flywayzdm.backfill.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
}
