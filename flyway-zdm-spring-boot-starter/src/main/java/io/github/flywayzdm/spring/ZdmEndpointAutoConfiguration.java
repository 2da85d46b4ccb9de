package io.github.flywayzdm.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@code zdm} Actuator endpoint, when Actuator is on the class path. Like every endpoint it is served over HTTP
 * only when exposed ({@code management.endpoints.web.exposure.include=zdm}).
 */
@AutoConfiguration(after = ZdmAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnProperty(prefix = "zdm", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ZdmBackfillWorkerProperties.class)
public class ZdmEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ZdmEndpoint zdmEndpoint(ApplicationContext context, ZdmBackfillWorkerProperties properties) {
        return new ZdmEndpoint(context, properties.getSchema());
    }
}
