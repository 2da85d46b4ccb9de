package io.github.flywayzdm.backfill;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the round trips a connection makes: every statement executed and every commit or rollback, by the statement's
 * first words (the table name left out), so a test can say how many a batch costs.
 */
final class RoundTrips {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                count(name.toUpperCase(java.util.Locale.ROOT));
            }
            Object result = invoke(real, method, args);
            if (result instanceof Statement statement && (name.equals("prepareStatement") || name.equals("createStatement"))) {
                String sql = name.equals("prepareStatement") ? (String) args[0] : null;
                Class<?> type = name.equals("prepareStatement") ? java.sql.PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, statementHandler(statement, sql));
            }
            return result;
        });
    }

    private InvocationHandler statementHandler(Statement real, String preparedSql) {
        return (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                count(kind(preparedSql != null ? preparedSql : (String) args[0]));
            }
            return invoke(real, method, args);
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The statement's first two words, e.g. "UPDATE orders", "EXPLAIN UPDATE", "SELECT status,". */
    private static String kind(String sql) {
        String[] words = sql.trim().split("\\s+");
        return words.length == 1 ? words[0] : words[0] + " " + words[1];
    }

    private void count(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    long of(String kind) {
        AtomicLong n = counts.get(kind);
        return n == null ? 0 : n.get();
    }

    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(counts).toString();
    }
}
