package io.github.flywayzdm.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code zdm.backfill.worker.*}: the opt-in background backfill worker in this application instance. */
@ConfigurationProperties(prefix = "zdm.backfill.worker")
public class ZdmBackfillWorkerProperties {

    /** Run queued background backfills in this instance, from the moment the application is ready until it stops. */
    private boolean enabled;
    /** Threads per job in this instance (default: the workers the job was declared with). */
    private Integer threads;
    /** How often to look for newly queued jobs when none is running (default 5s). */
    private Duration pollInterval = Duration.ofSeconds(5);
    /** Schema of the zdm_backfill_* tables (default: the first schema of the search path). */
    private String schema;
    /** How long shutdown waits for the batch under way (default 30s). */
    private Duration stopTimeout = Duration.ofSeconds(30);
    /**
     * Wait before each batch while the application refuses traffic (readiness) or, with Actuator, while its health is
     * not UP (default true).
     */
    private boolean pauseWhenUnhealthy = true;

    public boolean isPauseWhenUnhealthy() {
        return pauseWhenUnhealthy;
    }

    public void setPauseWhenUnhealthy(boolean pauseWhenUnhealthy) {
        this.pauseWhenUnhealthy = pauseWhenUnhealthy;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getThreads() {
        return threads;
    }

    public void setThreads(Integer threads) {
        this.threads = threads;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public Duration getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }
}
