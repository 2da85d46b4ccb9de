package io.github.flywayzdm.samples;

import io.github.flywayzdm.callbacks.ZdmCallback;
import io.github.flywayzdm.callbacks.ZdmSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The flyway-zdm guard the sample runs with: enforce mode, lock_timeout 2s, size-aware above 1,000 rows. */
final class SampleGuard {

    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
    static final long SMALL_TABLE_ROWS = 1_000;

    private SampleGuard() {
    }

    static Guard create(Path reportDir) {
        ZdmSettings settings = ZdmSettings.builder()
                .mode(ZdmSettings.Mode.ENFORCE)
                .lockTimeout(LOCK_TIMEOUT)
                .smallTableRows(SMALL_TABLE_ROWS)
                .reportDirectory(reportDir.resolve("zdm"))
                .build();
        return new Guard(List.of(new ZdmCallback(settings)), Map.of(),
                "flyway-zdm enforce, lock_timeout " + LOCK_TIMEOUT.toSeconds() + "s, tables up to " + SMALL_TABLE_ROWS
                        + " rows exempt from lock rules");
    }
}
