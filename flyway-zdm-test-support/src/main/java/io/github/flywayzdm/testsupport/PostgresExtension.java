package io.github.flywayzdm.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method (or constructor/lifecycle method) a fresh {@link TestDatabase} parameter, dropped afterwards.
 * Use through {@link WithPostgres}.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent("db", k -> new Closing(TestDatabase.create()), Closing.class).db;
    }

    /** Lets JUnit's store drop the database when the test's context closes. */
    private record Closing(TestDatabase db) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            db.close();
        }
    }
}
