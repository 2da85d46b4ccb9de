package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.BackfillListener;
import io.github.flywayzdm.backfill.BackfillWorker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * With {@code zdm.backfill.worker.enabled=true} and flyway-zdm-backfill on the class path, this instance works the
 * background backfills queued in its DataSource's database, sharing them with every other instance and worker. It
 * waits while the application is not ready or not healthy, and feeds Micrometer when that is present.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        ZdmAutoConfiguration.BOOT4_FLYWAY, ZdmAutoConfiguration.BOOT3_FLYWAY})
@ConditionalOnClass(BackfillWorker.class)
@ConditionalOnProperty(prefix = "zdm.backfill.worker", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ZdmBackfillWorkerProperties.class)
public class ZdmBackfillWorkerAutoConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    public ZdmBackfillWorkerBean zdmBackfillWorker(DataSource dataSource, ZdmBackfillWorkerProperties properties,
                                                   ApplicationContext context, ObjectProvider<BackfillListener> listeners) {
        ZdmBackfillWorkerBean bean = new ZdmBackfillWorkerBean(dataSource, properties);
        if (properties.isPauseWhenUnhealthy()) {
            bean.worker().pauseCondition(new ApplicationHealthPause(context));
        }
        List<BackfillListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            bean.worker().listener(everyOf(all));
        }
        return bean;
    }

    private static BackfillListener everyOf(List<BackfillListener> all) {
        return new BackfillListener() {
            @Override
            public void batchCommitted(String id, long rows, int batchSize, Duration took) {
                all.forEach(l -> l.batchCommitted(id, rows, batchSize, took));
            }

            @Override
            public void waited(String id, String reason, Duration waited) {
                all.forEach(l -> l.waited(id, reason, waited));
            }
        };
    }

    /** Micrometer's meters for the worker; the registry is looked up at the first batch. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean(name = "zdmBackfillMetrics")
        BackfillListener zdmBackfillMetrics(ObjectProvider<MeterRegistry> registries) {
            return new ZdmBackfillMetrics(registries);
        }
    }
}
