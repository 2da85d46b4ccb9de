package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.callbacks.internal.ZdmLog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code migrate} that retries when a transactional migration failed on a lock timeout (SQLSTATE 55P03): Flyway
 * has no retry hook, so Java and Spring users call this instead of {@code flyway.migrate()}.
 * <pre>{@code
 * MigrateResult result = ZdmMigrate.withRetries(5).initialBackoff(Duration.ofSeconds(1)).migrate(flyway);
 * }</pre>
 * Backoff doubles per attempt up to {@link #maxBackoff(Duration)}, plus up to 50% random jitter so that several
 * application instances do not retry in step. A failure that left a failed history row (non-transactional
 * migration) is never retried.
 */
public final class ZdmMigrate {

    private static final ZdmLog LOG = ZdmLog.get(ZdmMigrate.class);

    private final int attempts;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);

    private ZdmMigrate(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
        this.attempts = attempts;
    }

    /** @param attempts total attempts, the first included */
    public static ZdmMigrate withRetries(int attempts) {
        return new ZdmMigrate(attempts);
    }

    public ZdmMigrate initialBackoff(Duration value) {
        this.initialBackoff = Objects.requireNonNull(value);
        return this;
    }

    public ZdmMigrate maxBackoff(Duration value) {
        this.maxBackoff = Objects.requireNonNull(value);
        return this;
    }

    public MigrateResult migrate(Flyway flyway) {
        ZdmCallback callback = Arrays.stream(flyway.getConfiguration().getCallbacks())
                .filter(ZdmCallback.class::isInstance).map(ZdmCallback.class::cast).findFirst().orElse(null);
        for (int attempt = 1; ; attempt++) {
            if (callback != null) {
                callback.attempt(attempt);
            }
            try {
                return flyway.migrate();
            } catch (FlywayException e) {
                if (attempt >= attempts || !isLockTimeout(e) || leftFailedRow(flyway)) {
                    throw e;
                }
                long sleep = backoffMillis(attempt);
                LOG.warn("flyway-zdm: migrate attempt {}/{} failed on a lock timeout; retrying in {} ms", attempt, attempts, sleep);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            } finally {
                if (callback != null) {
                    callback.attempt(1);
                }
            }
        }
    }

    long backoffMillis(int attempt) {
        long base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(20, attempt - 1));
        return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("55P03")) {
                return true;
            }
        }
        return false;
    }

    private static boolean leftFailedRow(Flyway flyway) {
        try {
            return Arrays.stream(flyway.info().all()).map(MigrationInfo::getState).anyMatch(s -> s.isFailed());
        } catch (RuntimeException e) {
            return true;
        }
    }

}
