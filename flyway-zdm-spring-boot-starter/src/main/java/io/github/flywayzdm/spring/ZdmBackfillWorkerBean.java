package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.BackfillWorker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import javax.sql.DataSource;

/**
 * Starts a {@link BackfillWorker} when the application is ready (after Flyway has migrated and the startup probes can
 * pass: a backfill never delays startup) and stops it with the context: no batch starts after that, the one under way
 * commits, and the instance's chunks are freed at once for the other instances.
 */
public class ZdmBackfillWorkerBean implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private final BackfillWorker worker;
    private final ZdmBackfillWorkerProperties properties;
    private volatile boolean started;

    public ZdmBackfillWorkerBean(DataSource dataSource, ZdmBackfillWorkerProperties properties) {
        this.properties = properties;
        this.worker = BackfillWorker.create(dataSource).checkpointSchema(properties.getSchema()).pollInterval(properties.getPollInterval());
        if (properties.getThreads() != null) {
            worker.threads(properties.getThreads());
        }
    }

    /** The worker, to adjust before the application is ready (e.g. its health check). */
    public BackfillWorker worker() {
        return worker;
    }

    public boolean isStarted() {
        return started;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (!started) {
            worker.start();
            started = true;
        }
    }

    @Override
    public void destroy() {
        worker.stop(properties.getStopTimeout());
    }
}
