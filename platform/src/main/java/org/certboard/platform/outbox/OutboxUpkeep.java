package org.certboard.platform.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.certboard.platform.sql.RetentionDelete;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the relay does with its connection when a batch came back short: it refreshes the outbox's gauges (at most
 * once a second, so that a busy relay does not count on every wake-up) and deletes published rows older than
 * {@code certboard.outbox.retention} (hourly). Wall time throughout: these are operational facts, not board time.
 */
final class OutboxUpkeep {
    private static final Duration MEASURE_EVERY = Duration.ofSeconds(1);
    private static final Duration DELETE_EVERY = Duration.ofHours(1);

    private final RetentionDelete deletePublished;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeMillis = new AtomicLong();
    private final AtomicLong parkedRecords = new AtomicLong();
    private Instant lastMeasure = Instant.EPOCH;

    OutboxUpkeep(MeterRegistry registry, Duration retention) {
        this.deletePublished = new RetentionDelete("outbox_event", "published_at", retention, DELETE_EVERY);
        registry.gauge("certboard.outbox.backlog", backlog);
        registry.gauge("certboard.outbox.oldest.unsent.age.seconds", oldestUnsentAgeMillis, ms -> ms.get() / 1000.0);
        registry.gauge("certboard.outbox.parked.records", parkedRecords);
    }

    void whenIdle(Connection connection) throws SQLException {
        measureIfDue(connection);
        deletePublished.runIfDue(connection);
    }

    private void measureIfDue(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(lastMeasure, now).compareTo(MEASURE_EVERY) < 0) {
            return;
        }
        lastMeasure = now;
        try (Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("select count(*), coalesce(extract(epoch from clock_timestamp()"
                        + " - min(created_at)) * 1000, 0), count(*) filter (where parked_at is not null)"
                        + " from outbox_event where published_at is null")) {
            result.next();
            backlog.set(result.getLong(1));
            oldestUnsentAgeMillis.set(result.getLong(2));
            parkedRecords.set(result.getLong(3));
        } finally {
            connection.commit();
        }
    }
}
