package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.ZdmCallback;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contributes the flyway-zdm callback as a bean: Spring Boot's Flyway auto-configuration adds every
 * {@link org.flywaydb.core.api.callback.Callback} bean, so the application's own callbacks stay in place.
 * With {@code zdm.retry.attempts} set, migrations failing on a lock timeout are retried (unless the application
 * defines its own {@code FlywayMigrationStrategy}).
 * <p>
 * Works on Spring Boot 3.5 and 4.0, whose Flyway auto-configuration lives in different modules and packages: Boot's
 * Flyway types are only named here, never linked. On Boot 4 without {@code spring-boot-flyway} Flyway would never
 * run, so {@link MissingFlywayModule} stops startup with the dependency to add.
 */
@AutoConfiguration(beforeName = {ZdmAutoConfiguration.BOOT4_FLYWAY, ZdmAutoConfiguration.BOOT3_FLYWAY})
@ConditionalOnClass({Flyway.class, ZdmCallback.class})
@ConditionalOnProperty(prefix = "zdm", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ZdmProperties.class)
public class ZdmAutoConfiguration {

    static final String BOOT4_FLYWAY = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
    static final String BOOT3_FLYWAY = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration";
    static final String BOOT4_STRATEGY = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy";
    static final String BOOT3_STRATEGY = "org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy";

    /** The guard; see {@link ZdmCallbackBean} for why the bean is a proxy and how to replace it. */
    @Bean
    @ConditionalOnMissingBean(name = "zdmCallback")
    public Callback zdmCallback(ZdmProperties properties) {
        return ZdmCallbackBean.of(new ZdmCallback(properties.toSettings()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "zdm.retry", name = "attempts")
    @ConditionalOnClass(name = BOOT4_STRATEGY)
    @ConditionalOnMissingBean(type = BOOT4_STRATEGY)
    static class Boot4Retry {
        @Bean
        RetryingMigrationStrategy zdmRetryingMigrationStrategy(ZdmProperties properties) {
            return new RetryingMigrationStrategy(BOOT4_STRATEGY, properties.getRetry());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "zdm.retry", name = "attempts")
    @ConditionalOnClass(name = BOOT3_STRATEGY)
    @ConditionalOnMissingBean(type = BOOT3_STRATEGY)
    static class Boot3Retry {
        @Bean
        RetryingMigrationStrategy zdmRetryingMigrationStrategy(ZdmProperties properties) {
            return new RetryingMigrationStrategy(BOOT3_STRATEGY, properties.getRetry());
        }
    }

    /** Spring Boot 4 with flyway-core but without its Flyway module: Flyway would silently never run. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass({BOOT4_FLYWAY, BOOT3_FLYWAY})
    @ConditionalOnProperty(prefix = "spring.flyway", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class MissingFlywayModule {
        MissingFlywayModule() {
            throw new IllegalStateException(MESSAGE);
        }

        static final String MESSAGE = "flyway-zdm: Flyway is on the classpath but Spring Boot 4 runs it only with its "
                + "Flyway module, so no migration would run and none would be guarded. Add "
                + "<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-flyway</artifactId></dependency>"
                + " (Gradle: implementation 'org.springframework.boot:spring-boot-starter-flyway'), "
                + "or set spring.flyway.enabled=false or zdm.enabled=false if Flyway is run some other way.";
    }
}
