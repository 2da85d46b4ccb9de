package io.github.flywayzdm.callbacks;

import io.github.flywayzdm.testsupport.TestDatabase;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The smallest connection pool that behaves like the real ones in the way that matters here: close() hands the
 * physical session back for reuse with whatever settings it has, as HikariCP does.
 */
final class ReusingPool implements DataSource, AutoCloseable {

    private final TestDatabase db;
    private final String initSql;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();

    ReusingPool(TestDatabase db, String initSql) {
        this.db = db;
        this.initSql = initSql;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null) {
            physical = db.connect();
            try (Statement s = physical.createStatement()) {
                s.execute(initSql);
            }
            all.add(physical);
        }
        Connection handedOut = physical;
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!closed[0]) {
                            closed[0] = true;
                            giveBack(handedOut);
                        }
                        return null;
                    }
                    if (closed[0]) {
                        // as HikariCP does: a session handed back is out of the borrower's reach
                        if (method.getName().equals("isClosed")) {
                            return true;
                        }
                        throw new SQLException("Connection is closed");
                    }
                    try {
                        return method.invoke(handedOut, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private synchronized void giveBack(Connection physical) throws SQLException {
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        }
        if (!idle.contains(physical)) {
            idle.push(physical);
        }
    }

    /** lock_timeout/statement_timeout of every idle session, as the application would get it next. */
    synchronized List<String> idleSettings() throws SQLException {
        List<String> out = new ArrayList<>();
        for (Connection c : idle) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT current_setting('lock_timeout') || '/' || current_setting('statement_timeout')")) {
                rs.next();
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws SQLException {
        for (Connection c : all) {
            c.close();
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
