package io.github.flywayzdm.backfill.internal;

import io.github.flywayzdm.backfill.BackfillOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch size follows a smoothed rate: noise moves it a little, a real slowdown at once. Durations are given, not measured. */
class BatchSizerTest {

    private static final BackfillOptions OPTIONS = BackfillOptions.defaults().withBatchSize(1_000, 100, 50_000)
            .withTargetBatchTime(Duration.ofMillis(200));

    private static long ms(double millis) {
        return (long) (millis * 1_000_000);
    }

    /** A sizer that has seen {@code batches} steady batches of 20,000 keys at the target. */
    private static BatchSizer steady(int batches) {
        BatchSizer sizer = new BatchSizer(OPTIONS);
        for (int i = 0; i < batches; i++) {
            assertThat(sizer.next(20_000, ms(200))).isEqualTo(20_000);
        }
        return sizer;
    }

    @Test
    void oneSlowBatchDoesNotHalveTheNext() {
        BatchSizer sizer = steady(5);
        int after = sizer.next(20_000, ms(380)); // 1.9x the target: a neighbour's burst
        assertThat(after).as("the old rule would cut to 10,526").isGreaterThan(16_000).isLessThan(20_000);
        assertThat(sizer.next(after, ms(200.0 * after / 20_000))).as("back at the steady rate, it recovers")
                .isGreaterThan(after);
    }

    @Test
    void aSustainedSlowdownIsFollowedWithinAFewBatches() {
        BatchSizer sizer = steady(5);
        int size = 20_000;
        for (int i = 0; i < 10; i++) {
            size = sizer.next(size, ms(1.5 * 200.0 * size / 20_000)); // the server is now 1.5x slower per key
        }
        assertThat(size).isBetween(13_000, 14_000); // 20,000 / 1.5
    }

    @Test
    void aBatchOverTwiceTheTargetHalvesTheNextAtOnce() {
        assertThat(steady(5).next(20_000, ms(450))).as("halved, not the smoothed 16,667").isEqualTo(10_000);
        assertThat(steady(5).next(20_000, ms(2_000))).as("halved, not less").isEqualTo(10_000);
        assertThat(steady(5).next(20_000, ms(390))).as("under twice the target: smoothed").isGreaterThan(16_000);
    }

    @Test
    void growthIsAtMostDoubleAndTheBoundsHold() {
        BatchSizer sizer = new BatchSizer(OPTIONS);
        assertThat(sizer.next(1_000, ms(1))).isEqualTo(2_000);
        assertThat(sizer.next(40_000, ms(1))).isEqualTo(50_000);
        assertThat(new BatchSizer(OPTIONS).next(150, ms(5_000))).isEqualTo(100);
    }

    @Test
    void afterAStatementTimeoutTheRateIsMeasuredAfresh() {
        BatchSizer sizer = steady(5);
        int halved = sizer.halve(20_000);
        assertThat(halved).isEqualTo(10_000);
        // the first batch after the timeout sets the rate alone: 10,000 keys in 400 ms is 5,000 at the target
        assertThat(sizer.next(halved, ms(400))).isEqualTo(5_000);
        assertThat(new BatchSizer(OPTIONS).halve(150)).isEqualTo(100);
    }
}
