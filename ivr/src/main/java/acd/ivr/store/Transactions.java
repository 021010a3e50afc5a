package acd.ivr.store;

import acd.ivr.selfservice.SelfServiceUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs one request as one transaction: all of it is committed or none of it. Any database
 * failure rolls back and becomes a {@link SelfServiceUnavailableException} saying what the
 * request was, so the menu can tell the caller to try later. Lookups that are a single
 * statement use {@link #read} and skip the transaction.
 */
final class Transactions {

    /** The body of a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String database;

    /** @param database how messages name the database, never with credentials */
    Transactions(DataSource dataSource, String database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    /**
     * @param what the request, for the message when it fails (e.g. {@code recharge for 13800138000})
     */
    <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /**
     * Runs a lookup of one statement: no transaction to open and commit, one round trip less
     * on a per-call path such as classifying the caller.
     */
    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    private SelfServiceUnavailableException unavailable(String what, SQLException e) {
        return new SelfServiceUnavailableException(
                "self-service store " + database + " unavailable: " + what + " failed: " + e.getMessage(), e);
    }

    private static void rollBack(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is likely gone, and with it the transaction; the pool discards it
            cause.addSuppressed(e);
        }
    }
}
