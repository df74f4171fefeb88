package org.certboard.platform.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.jboss.logging.Logger;

/**
 * A plain JDBC connection of its own, outside the reactive pool, for a background thread (the outbox relay, the
 * inbox's housekeeping). A read waits at most {@code socketTimeout} (a half-open connection fails instead of hanging),
 * and the server ends the session once it idles in a transaction for twice as long, which releases whatever the
 * transaction held (the relay's lease) when its thread vanished.
 */
public final class DirectConnection {
    private static final Logger LOG = Logger.getLogger(DirectConnection.class);

    private DirectConnection() {
    }

    /** Opened with auto-commit off. */
    public static Connection open(String jdbcUrl, String user, String password, Duration socketTimeout)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        long seconds = Math.max(1, socketTimeout.toSeconds());
        properties.setProperty("socketTimeout", Long.toString(seconds));
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("tcpKeepAlive", "true");
        // twice the socket timeout: above the longest wait inside a transaction (the relay's Kafka acknowledgements)
        properties.setProperty("options", "-c idle_in_transaction_session_timeout=" + seconds * 2000);
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Closes it, if there is one: a connection given up after a failure may fail to close, which changes nothing. */
    public static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("close failed", e);
        }
    }
}
