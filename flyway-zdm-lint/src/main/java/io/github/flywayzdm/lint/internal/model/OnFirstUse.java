package io.github.flywayzdm.lint.internal.model;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An immutable list computed the first time it is read, then kept. For facts that cost more than the rest of a
 * statement's reading and that no rule may ever ask for (a view's sources need JSqlParser, whose classes and first
 * parses are a fifth of a short lint call). Thread-safe: a statement read on one thread may be checked on another.
 */
public final class OnFirstUse<T> extends AbstractList<T> {

    private Supplier<List<T>> compute;
    private volatile List<T> value;

    public OnFirstUse(Supplier<List<T>> compute) {
        this.compute = compute;
    }

    private List<T> value() {
        List<T> v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = List.copyOf(compute.get());
                    value = v;
                    compute = null; // let what it captured (the statement's tokens) go
                }
            }
        }
        return v;
    }

    @Override
    public T get(int index) {
        return value().get(index);
    }

    @Override
    public int size() {
        return value().size();
    }
}
