package org.certboard.candidate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC reads of the test database, for assertions that must not go through the code under test. */
public final class Database {
    private Database() {
    }

    public static long count(String sql, Object... parameters) {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row the service writes for a candidate, in all its tables, including the outbox. */
    public static long rowsAbout(String candidateId) {
        return count("select (select count(*) from licence where candidate_id::text = ?)"
                + " + (select count(*) from degree where candidate_id::text = ?)"
                + " + (select count(*) from experience where candidate_id::text = ?)"
                + " + (select count(*) from application where candidate_id::text = ?)"
                + " + (select count(*) from outbox_event where subject = ?)",
                candidateId, candidateId, candidateId, candidateId, candidateId);
    }

    public static long outboxEvents(String candidateId, String type) {
        return count("select count(*) from outbox_event where subject = ? and type = ?", candidateId, type);
    }
}
