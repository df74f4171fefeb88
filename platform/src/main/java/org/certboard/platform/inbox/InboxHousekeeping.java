package org.certboard.platform.inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.certboard.platform.sql.DirectConnection;
import org.certboard.platform.sql.RetentionDelete;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The inbox's own upkeep, on a thread and a plain JDBC connection of its own: once a second it counts what waits
 * behind dead letters ({@code certboard_consumer_parked_keys}, {@code certboard_consumer_parked_events}), and hourly
 * it deletes the {@code processed_event} rows older than {@code certboard.inbox.retention} (by the wall-time column
 * {@code recorded_at}): the event id dedupes redeliveries within the retention, older ones are caught by business
 * keys (docs/architecture.md). Every replica does it; the statements are idempotent. While the database is away it
 * says so once and tries again each second.
 */
@ApplicationScoped
public class InboxHousekeeping {
    private static final Logger LOG = Logger.getLogger(InboxHousekeeping.class);
    private static final Duration MEASURE_EVERY = Duration.ofSeconds(1);
    private static final Duration DELETE_EVERY = Duration.ofHours(1);
    /** Longest JDBC read: the statements here are small, and a half-open connection must not stop the counting. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final RetentionDelete deleteProcessed;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final AtomicLong parkedKeys = new AtomicLong();
    private final AtomicLong parkedEvents = new AtomicLong();

    private ScheduledExecutorService thread;
    private Connection connection;
    private boolean failing;

    public InboxHousekeeping(MeterRegistry registry,
            @ConfigProperty(name = "certboard.inbox.retention", defaultValue = "P30D") Duration retention,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.deleteProcessed = new RetentionDelete("processed_event", "recorded_at", retention, DELETE_EVERY);
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password.orElse("");
        registry.gauge("certboard.consumer.parked.keys", parkedKeys);
        registry.gauge("certboard.consumer.parked.events", parkedEvents);
    }

    void start(@Observes StartupEvent startup) {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "inbox-housekeeping");
            named.setDaemon(true);
            return named;
        });
        thread.scheduleWithFixedDelay(this::turn, 0, MEASURE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Never throws: an exception would end the scheduled task for good. */
    private void turn() {
        try {
            if (connection == null) {
                connection = DirectConnection.open(jdbcUrl, user, password, SOCKET_TIMEOUT);
            }
            measureParking();
            deleteProcessed.runIfDue(connection);
            if (failing) {
                LOG.info("inbox housekeeping reaches the database again");
                failing = false;
            }
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("inbox housekeeping cannot reach the database (%s); trying again every second", e);
            }
            failing = true;
            close();
        } catch (Error e) {
            LOG.error("inbox housekeeping failed with an error; trying again in a second", e);
            close();
        }
    }

    private void measureParking() throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet result = query.executeQuery(
                        "select count(distinct (topic, event_key)), count(*) from parked_event")) {
            result.next();
            parkedKeys.set(result.getLong(1));
            parkedEvents.set(result.getLong(2));
        } finally {
            connection.commit();
        }
    }

    private void close() {
        DirectConnection.closeQuietly(connection);
        connection = null;
    }
}
