package org.certboard.platform.clock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the sandbox clock's offset in the service's own database ({@code board_clock}), so that after a restart the
 * board clock is where the data already is. Plain JDBC: it is read once at start-up, before anything reads the clock,
 * and written by the (blocking) clock API. Several replicas share the row; the larger offset always wins, so the
 * clock never moves back whichever replica wrote last.
 */
@ApplicationScoped
public class ClockStore {
    private final String jdbcUrl;
    private final String user;
    private final String password;

    public ClockStore(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password.orElse("");
    }

    /** The stored offset, zero when the clock was never moved. */
    public Duration load() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement select = connection.prepareStatement("select offset_ms from board_clock");
                ResultSet row = select.executeQuery()) {
            return row.next() ? Duration.ofMillis(row.getLong(1)) : Duration.ZERO;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the board clock offset from " + jdbcUrl, e);
        }
    }

    /** Stores {@code offset} unless a larger one is stored already; returns the offset stored now. */
    public Duration save(Duration offset) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into board_clock (id, offset_ms) values (true, ?)
                        on conflict (id) do update set offset_ms = greatest(board_clock.offset_ms, excluded.offset_ms),
                            moved_at = clock_timestamp()
                        returning offset_ms""")) {
            upsert.setLong(1, offset.toMillis());
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return Duration.ofMillis(row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the board clock offset in " + jdbcUrl, e);
        }
    }
}
