package org.certboard.platform.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes a table's rows whose wall-time column is older than a retention, on a plain JDBC connection, at most once
 * per interval: the outbox's published rows, the inbox's processed event ids. Not thread-safe: one per thread.
 */
public final class RetentionDelete {
    private final String sql;
    private final Duration retention;
    private final Duration every;
    private Instant last = Instant.EPOCH;

    /** {@code table} and {@code column} are constants of the caller, never input. */
    public RetentionDelete(String table, String column, Duration retention, Duration every) {
        this.sql = "delete from " + table + " where " + column + " < clock_timestamp() - ?::interval";
        this.retention = retention;
        this.every = every;
    }

    /** Deletes and commits when the interval has passed since the last run (or none ran yet). */
    public void runIfDue(Connection connection) throws SQLException {
        Instant now = Instant.now(); // wall time: housekeeping, not board time
        if (Duration.between(last, now).compareTo(every) < 0) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, retention.toSeconds() + " seconds");
            delete.executeUpdate();
        } finally {
            connection.commit();
        }
        last = now;
    }
}
