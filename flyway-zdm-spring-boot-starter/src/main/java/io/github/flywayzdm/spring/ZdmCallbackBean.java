package io.github.flywayzdm.spring;

import io.github.flywayzdm.callbacks.ZdmCallback;
import org.flywaydb.core.api.callback.Callback;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The guard as a Spring bean. Spring reads every declared method of a bean's class, and {@link ZdmCallback}, built
 * against Flyway 13, carries bridge methods naming {@code CallbackEvent}, a type Flyway before 11.14 does not have
 * (Spring Boot 3.5 manages Flyway 11.7): that read fails startup. The bean is therefore a JDK proxy of the
 * {@link Callback} interface Flyway has at run time, forwarding to the guard.
 * <p>
 * To register your own guard: {@code @Bean Callback zdmCallback() { return ZdmCallbackBean.of(new ZdmCallback(settings)); }}.
 */
public final class ZdmCallbackBean implements InvocationHandler {

    private final ZdmCallback guard;

    private ZdmCallbackBean(ZdmCallback guard) {
        this.guard = guard;
    }

    /** {@code guard} as a {@link Callback} that any Spring Boot 3.5 or 4.0 context accepts as a bean. */
    public static Callback of(ZdmCallback guard) {
        return (Callback) Proxy.newProxyInstance(Callback.class.getClassLoader(), new Class<?>[] {Callback.class},
                new ZdmCallbackBean(guard));
    }

    /** The guard behind a callback made by {@link #of}, or null for any other callback. */
    public static ZdmCallback guard(Callback callback) {
        if (callback instanceof ZdmCallback direct) {
            return direct;
        }
        if (Proxy.isProxyClass(callback.getClass()) && Proxy.getInvocationHandler(callback) instanceof ZdmCallbackBean bean) {
            return bean.guard;
        }
        return null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "flyway-zdm callback";
            };
        }
        try {
            return method.invoke(guard, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
