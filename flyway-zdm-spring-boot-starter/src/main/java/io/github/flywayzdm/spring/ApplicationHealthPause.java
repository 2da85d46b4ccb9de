package io.github.flywayzdm.spring;

import io.github.flywayzdm.backfill.HealthCheck;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Optional;

/**
 * The worker's pause condition in a Spring Boot application: wait while the application refuses traffic (its
 * readiness state) or, with Actuator, while its health endpoint's aggregate status is not UP. The health endpoint is
 * asked at most once a second (its indicators may be slow); it is read by reflection because its type moved between
 * Boot 3.5 ({@code org.springframework.boot.actuate.health}) and 4.0 ({@code org.springframework.boot.health}).
 */
final class ApplicationHealthPause implements HealthCheck {

    private static final long ASK_EVERY_NANOS = 1_000_000_000L;

    private final ApplicationContext context;
    private long askedAt;
    private Optional<String> lastAnswer = Optional.empty();

    ApplicationHealthPause(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public synchronized Optional<String> waitReason(Connection connection) {
        long now = System.nanoTime();
        if (askedAt != 0 && now - askedAt < ASK_EVERY_NANOS) {
            return lastAnswer;
        }
        askedAt = now;
        lastAnswer = readiness().or(this::health);
        return lastAnswer;
    }

    private Optional<String> readiness() {
        ApplicationAvailability availability = context.getBeanProvider(ApplicationAvailability.class).getIfAvailable();
        if (availability == null) {
            return Optional.empty();
        }
        ReadinessState state = availability.getReadinessState();
        return state == ReadinessState.REFUSING_TRAFFIC ? Optional.of("application readiness is " + state) : Optional.empty();
    }

    private Optional<String> health() {
        if (!context.containsBean("healthEndpoint")) {
            return Optional.empty();
        }
        try {
            Object endpoint = context.getBean("healthEndpoint");
            Method health = endpoint.getClass().getMethod("health");
            Object result = health.invoke(endpoint);
            Object status = result.getClass().getMethod("getStatus").invoke(result);
            String code = String.valueOf(status.getClass().getMethod("getCode").invoke(status));
            return "UP".equals(code) ? Optional.empty() : Optional.of("application health is " + code);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // unreadable health is no proof of health: wait, and the worker's log says why
            return Optional.of("application health could not be read (" + e + ")");
        }
    }
}
