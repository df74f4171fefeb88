package org.certboard.devstack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC on the database of the application under test (its {@code quarkus.datasource.*} settings), for set-up
 * and assertions that must not go through the code under test.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** The first column of the first row as a number (a {@code count(*)}, typically). */
    public static long count(String sql, Object... parameters) {
        Object value = value(sql, parameters);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String text(String sql, Object... parameters) {
        Object value = value(sql, parameters);
        return value == null ? null : value.toString();
    }

    /** Every row, each as its columns' values in order. */
    public static List<List<Object>> rows(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object value(String sql, Object... parameters) {
        return query(sql, parameters, result -> result.next() ? result.getObject(1) : null);
    }

    /**
     * Runs {@code work} while this test holds the session advisory lock {@code key}, for instance the outbox relay's
     * lease: no relay publishes (and so marks rows published) until it returns.
     */
    public static void whileLocked(long key, Runnable work) {
        try (Connection c = connect(); PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.executeQuery().close();
            work.run(); // closing the connection releases the lock
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private static <T> T query(String sql, Object[] parameters, Reader<T> reader) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return reader.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
