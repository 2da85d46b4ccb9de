package io.github.flywayzdm.flywayplugin;

import io.github.flywayzdm.callbacks.ZdmCallback;
import org.flywaydb.core.api.callback.CallbackEvent;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.extensibility.Plugin;
import org.flywaydb.core.internal.callback.InternalCallback;

import java.util.Arrays;

/**
 * Registers {@link ZdmCallback} by being on the classpath: flyway-core 11.16+ discovers it through
 * {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}. It steps aside when a {@link ZdmCallback} is also
 * configured explicitly ({@code callbacks=}, a Spring bean), so the guard never runs twice.
 */
public class ZdmAutoCallback implements InternalCallback<Event> {

    private final ZdmCallback delegate = new ZdmCallback();

    @Override
    public boolean supportsEventType(Class<? extends CallbackEvent<?>> type) {
        return type == Event.class;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return delegate.supports(event, context) && !explicitlyConfigured(context);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return delegate.canHandleInTransaction(event, context);
    }

    @Override
    public void handle(Event event, Context context) {
        delegate.handle(event, context);
    }

    @Override
    public String getCallbackName() {
        return delegate.getCallbackName();
    }

    @Override
    public Plugin copy() {
        return new ZdmAutoCallback();
    }

    /** A ZdmCallback, or a wrapper of one that answers to its name (the Spring Boot starter's bean is a proxy). */
    private static boolean explicitlyConfigured(Context context) {
        String name = ZdmCallback.CALLBACK_NAME;
        return Arrays.stream(context.getConfiguration().getCallbacks())
                .anyMatch(c -> c instanceof ZdmCallback || name.equals(c.getCallbackName()));
    }
}
