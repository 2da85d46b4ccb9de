package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.ZdmMigrate;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Proxy;

/**
 * Spring Boot's {@code FlywayMigrationStrategy} (a one-method interface whose package differs between Boot 3.5 and
 * 4.0) implemented by {@link ZdmMigrate} with retries, built for whichever of the two the application has.
 */
final class RetryingMigrationStrategy implements FactoryBean<Object> {

    private final Class<?> type;
    private final ZdmProperties.Retry retry;

    RetryingMigrationStrategy(String typeName, ZdmProperties.Retry retry) {
        this.type = ClassUtils.resolveClassName(typeName, RetryingMigrationStrategy.class.getClassLoader());
        this.retry = retry;
    }

    @Override
    public Object getObject() {
        ZdmMigrate migrate = ZdmMigrate.withRetries(Math.max(1, retry.getAttempts()))
                .initialBackoff(retry.getInitialBackoff()).maxBackoff(retry.getMaxBackoff());
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "migrate" -> {
                        migrate.migrate((Flyway) args[0]);
                        yield null;
                    }
                    case "toString" -> "flyway-zdm retrying migration strategy (" + retry.getAttempts() + " attempts)";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }

    @Override
    public Class<?> getObjectType() {
        return type;
    }
}
