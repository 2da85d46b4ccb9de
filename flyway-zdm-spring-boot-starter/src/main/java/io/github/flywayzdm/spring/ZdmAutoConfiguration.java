package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.ZdmCallback;
import io.github.flywayzdm.callbacks.ZdmMigrate;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contributes the flyway-zdm callback as a bean: Spring Boot's Flyway auto-configuration adds every
 * {@link org.flywaydb.core.api.callback.Callback} bean, so the application's own callbacks stay in place.
 * With {@code zdm.retry.attempts > 1} migrations failing on a lock timeout are retried (unless the application
 * defines its own {@link FlywayMigrationStrategy}).
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({Flyway.class, ZdmCallback.class, FlywayAutoConfiguration.class})
@ConditionalOnProperty(prefix = "zdm", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ZdmProperties.class)
public class ZdmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ZdmCallback zdmCallback(ZdmProperties properties) {
        return new ZdmCallback(properties.toSettings());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "zdm.retry", name = "attempts")
    static class RetryConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FlywayMigrationStrategy zdmRetryingMigrationStrategy(ZdmProperties properties) {
            ZdmProperties.Retry retry = properties.getRetry();
            ZdmMigrate migrate = ZdmMigrate.withRetries(Math.max(1, retry.getAttempts()))
                    .initialBackoff(retry.getInitialBackoff()).maxBackoff(retry.getMaxBackoff());
            return migrate::migrate;
        }
    }
}
