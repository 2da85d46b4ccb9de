package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.BackfillWorker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * With {@code zdm.backfill.worker.enabled=true} and flyway-zdm-backfill on the class path, this instance works the
 * background backfills queued in its DataSource's database, sharing them with every other instance and worker.
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
    public ZdmBackfillWorkerBean zdmBackfillWorker(DataSource dataSource, ZdmBackfillWorkerProperties properties) {
        return new ZdmBackfillWorkerBean(dataSource, properties);
    }
}
