package org.certboard.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certboard.events.CloudEventHeaders;
import org.certboard.platform.kafka.KafkaClientProperties;
import org.certboard.platform.tracing.TraceParent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the outbox to Kafka. One thread, two plain JDBC connections: one LISTENs for commits (NOTIFY from the
 * outbox trigger) with a slow poll as fallback; the other relays batches in seq order. A batch is marked published
 * only after Kafka acknowledged every record (acks=all, idempotent producer), in the same transaction that locked
 * the rows, so a crash between send and mark re-sends (consumers dedupe on ce_id) and never loses an event.
 * <p>
 * Several replicas are safe: a transaction-scoped advisory lock lets one relay at a time publish, which also keeps
 * one candidate's events in order across replicas.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "outbox_event";
    private static final long LEASE_KEY = 0x6365727462L; // "certb": one relay lease per database
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);
    private static final Duration MEASURE_EVERY = Duration.ofSeconds(1);

    private final RelayConfig config;
    private final Map<String, Object> kafka;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeMillis = new AtomicLong();
    private final AtomicLong heartbeatMillis = new AtomicLong();
    private final io.micrometer.core.instrument.Counter published;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Connection relayConnection;
    private Connection listenConnection;
    private Instant lastCleanup = Instant.EPOCH;
    private Instant lastMeasure = Instant.EPOCH;

    public OutboxRelay(RelayConfig config, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.kafka = kafka;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password.orElse("");
        registry.gauge("certboard.outbox.backlog", backlog);
        registry.gauge("certboard.outbox.oldest.unsent.age.seconds", oldestUnsentAgeMillis, ms -> ms.get() / 1000.0);
        this.published = registry.counter("certboard.outbox.published");
        // Wall time of the relay loop's last successful pass: an alert fires when it stops moving (relay thread dead).
        registry.gauge("certboard.outbox.relay.heartbeat.seconds", heartbeatMillis, ms -> ms.get() / 1000.0);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled (certboard.outbox.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            try {
                connect();
                int count = relayBatch();
                heartbeatMillis.set(System.currentTimeMillis());
                backoff = MIN_BACKOFF;
                if (count < config.batchSize()) {
                    measureBacklog();
                    cleanUpIfDue();
                    awaitCommit(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("outbox relay cannot publish (%s); retrying in %d ms", e.toString(), backoff.toMillis());
                closeAll();
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private int relayBatch() throws Exception {
        try {
            if (!takeLease()) {
                relayConnection.commit();
                return 0;
            }
            List<UUID> ids = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement select = relayConnection.prepareStatement(
                    "select id, topic, event_key, type, source, subject, occurred_at, payload, traceparent from outbox_event"
                            + " where published_at is null order by seq limit ? for update skip locked")) {
                select.setInt(1, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        ids.add(id);
                        acks.add(producer.send(record(id, rows)));
                    }
                }
            }
            if (ids.isEmpty()) {
                relayConnection.commit();
                return 0;
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            try (PreparedStatement mark = relayConnection.prepareStatement(
                    "update outbox_event set published_at = clock_timestamp() where id = any(?)")) {
                Array array = relayConnection.createArrayOf("uuid", ids.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
            relayConnection.commit();
            published.increment(ids.size());
            return ids.size();
        } catch (Exception e) {
            rollbackQuietly();
            throw e;
        }
    }

    private ProducerRecord<String, byte[]> record(UUID id, ResultSet row) throws SQLException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString(2), row.getString(3),
                row.getString(8).getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, id.toString());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.TYPE, row.getString(4));
        header(record, CloudEventHeaders.SOURCE, row.getString(5));
        header(record, CloudEventHeaders.SUBJECT, row.getString(6));
        header(record, CloudEventHeaders.TIME, row.getTimestamp(7).toInstant().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        String traceparent = row.getString(9);
        if (traceparent != null) {
            header(record, TraceParent.HEADER, traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private boolean takeLease() throws SQLException {
        try (PreparedStatement lease = relayConnection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lease.setLong(1, LEASE_KEY);
            try (ResultSet result = lease.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Refreshes the backlog gauges, at most once a second so that a busy relay does not count on every wake-up. */
    private void measureBacklog() throws SQLException {
        Instant now = Instant.now(); // wall time: metrics, not board time
        if (Duration.between(lastMeasure, now).compareTo(MEASURE_EVERY) < 0) {
            return;
        }
        lastMeasure = now;
        try (Statement query = relayConnection.createStatement();
                ResultSet result = query.executeQuery("select count(*), coalesce(extract(epoch from clock_timestamp()"
                        + " - min(created_at)) * 1000, 0) from outbox_event where published_at is null")) {
            result.next();
            backlog.set(result.getLong(1));
            oldestUnsentAgeMillis.set(result.getLong(2));
        } finally {
            relayConnection.commit();
        }
    }

    private void cleanUpIfDue() throws SQLException {
        Instant now = Instant.now(); // wall time: housekeeping, not board time
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        try (PreparedStatement delete = relayConnection.prepareStatement(
                "delete from outbox_event where published_at < clock_timestamp() - ?::interval")) {
            delete.setString(1, config.retention().toSeconds() + " seconds");
            delete.executeUpdate();
        } finally {
            relayConnection.commit();
        }
        lastCleanup = now;
    }

    private void awaitCommit(Duration timeout) throws SQLException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        listenConnection.unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
    }

    private void connect() throws SQLException {
        if (relayConnection == null || relayConnection.isClosed()) {
            relayConnection = DriverManager.getConnection(jdbcUrl, user, password);
            relayConnection.setAutoCommit(false);
        }
        if (listenConnection == null || listenConnection.isClosed()) {
            listenConnection = DriverManager.getConnection(jdbcUrl, user, password);
            try (Statement listen = listenConnection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
        }
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaClientProperties.producer(kafka, Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                    ProducerConfig.LINGER_MS_CONFIG, 2,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000,
                    ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay")),
                    new StringSerializer(), new ByteArraySerializer());
        }
    }

    private void rollbackQuietly() {
        try {
            if (relayConnection != null && !relayConnection.isClosed()) {
                relayConnection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    /** After any failure the relay starts afresh: new connections and a new producer (a new idempotence epoch). */
    private void closeAll() {
        for (Connection connection : new Connection[] { relayConnection, listenConnection }) {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.debug("close failed", e);
            }
        }
        relayConnection = null;
        listenConnection = null;
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
