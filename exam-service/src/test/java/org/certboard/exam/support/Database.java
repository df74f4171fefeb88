package org.certboard.exam.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC on the test database, for set-up and assertions that must not go through the code under test. */
public final class Database {
    private Database() {
    }

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    public static long count(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Authorises candidates directly (fast set-up); the event path is covered by the broker tests. */
    public static void authorise(Collection<UUID> candidates, LocalDate until) {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                "insert into authorisation (candidate_id, application_id, status, authorised_until, decided_at)"
                        + " values (?, ?, 'APPROVED', ?, ?)")) {
            for (UUID candidate : candidates) {
                insert.setObject(1, candidate);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, until);
                insert.setObject(4, java.sql.Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
