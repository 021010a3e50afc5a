package acd.ivr.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A database that goes wrong on cue, in front of a real one: it refuses connections, or fails the
 * statement that contains a given piece of SQL, as a connection lost in the middle of a
 * transaction would.
 */
final class FaultyDatabase implements DataSource {
    private final DataSource real;
    private volatile boolean refuseConnections;
    private volatile String failStatementContaining;

    FaultyDatabase(DataSource real) {
        this.real = real;
    }

    void refuseConnections() {
        refuseConnections = true;
    }

    void failStatementContaining(String sql) {
        failStatementContaining = sql;
    }

    /** The store's transactions over this database. */
    Transactions transactions() {
        return new Transactions(this, "faulty-test-database");
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (refuseConnections) {
            throw new SQLException("Connection refused", "08001");
        }
        Connection c = real.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    String trigger = failStatementContaining;
                    if (method.getName().startsWith("prepare") && trigger != null && args != null
                            && args[0] instanceof String sql && sql.contains(trigger)) {
                        throw new SQLException("I/O error: connection reset", "08006");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
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
