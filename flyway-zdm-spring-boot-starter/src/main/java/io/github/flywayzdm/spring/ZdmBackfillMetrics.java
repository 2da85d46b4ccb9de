package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.BackfillListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;
import java.util.Locale;

/**
 * The background worker's Micrometer meters, each tagged with the backfill's {@code id}:
 * {@code zdm.backfill.rows} (counter, rows committed), {@code zdm.backfill.batch} (timer, each batch's transaction),
 * {@code zdm.backfill.batch.size} (summary, the size each batch was cut to) and {@code zdm.backfill.waits} (timer,
 * one per wait before a batch, recorded when it ends, tagged {@code reason}: lag, locks, paused, application, other).
 */
final class ZdmBackfillMetrics implements BackfillListener {

    private final ObjectProvider<MeterRegistry> registries;
    private volatile MeterRegistry registry;

    ZdmBackfillMetrics(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    /** Resolved at the first batch, when every registry bean exists (Boot's metrics auto-configuration moved in 4.0). */
    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            r = registries.getIfAvailable();
            registry = r;
        }
        return r;
    }

    @Override
    public void batchCommitted(String backfillId, long rows, int batchSize, Duration took) {
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        Counter.builder("zdm.backfill.rows").description("Rows the background backfill committed in this instance")
                .baseUnit("rows").tag("id", backfillId).register(r).increment(rows);
        Timer.builder("zdm.backfill.batch").description("Duration of each backfill batch's transaction")
                .tag("id", backfillId).register(r).record(took);
        DistributionSummary.builder("zdm.backfill.batch.size").description("Size each backfill batch was cut to")
                .baseUnit("rows").tag("id", backfillId).register(r).record(batchSize);
    }

    @Override
    public void waited(String backfillId, String reason, Duration waited) {
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        Timer.builder("zdm.backfill.waits").description("Waits before a backfill batch (replica lag, lock queues, pauses)")
                .tag("id", backfillId).tag("reason", kind(reason)).register(r).record(waited);
    }

    /** A few fixed tag values: the reasons' own text carries numbers, which would make a meter per wait. */
    static String kind(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("replica lag")) {
            return "lag";
        }
        if (r.contains("waiting on a lock")) {
            return "locks";
        }
        if (r.contains("paused by an operator")) {
            return "paused";
        }
        if (r.startsWith("application ")) {
            return "application";
        }
        return "other";
    }
}
