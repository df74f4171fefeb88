package org.certboard.platform.outbox;

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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certboard.platform.kafka.KafkaClientProperties;
import org.certboard.platform.kafka.KafkaCloudEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the outbox to Kafka. One thread and one plain JDBC connection relay batches in seq order, polling every
 * {@code certboard.outbox.poll-interval} (no NOTIFY per commit: it serialises the service's commits, see the V0_4
 * migration) and woken in-process as soon as a request or a consumed event that wrote outbox rows committed
 * ({@link #wake()}). A row is marked published
 * only after Kafka acknowledged it (acks=all, idempotent producer), in the same transaction that locked the rows, so
 * a crash between send and mark re-sends (consumers dedupe on ce_id) and never loses an event. When a record fails
 * transiently, the rows acknowledged before it are marked and it goes again, with the rows after it, in seq order.
 * <p>
 * Several replicas are safe: a transaction-scoped advisory lock lets one relay at a time publish, which also keeps
 * one candidate's events in order across replicas.
 * <p>
 * A record Kafka will never accept (too large, invalid topic name, unserialisable) is parked: it stays unpublished
 * with its reason ({@code parked_at}, {@code park_reason}), is counted, and later rows of the same key wait behind it
 * until the operator re-sends or discards it ({@link ParkedRecordResource}). Every other failure is taken as
 * transient: the batch rolls back and is retried with backoff. The loop records each turn for {@link RelayLiveness};
 * anything thrown, {@link Error}s included, is logged and the loop goes on.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
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
    private final io.micrometer.core.instrument.Counter parked;
    private final AtomicLong parkedRecords = new AtomicLong();
    private final AtomicLong parkedConsumerKeys = new AtomicLong();
    private final AtomicLong parkedConsumerEvents = new AtomicLong();
    private final Duration inboxRetention;
    private volatile long lastTurnNanos = System.nanoTime();

    /** Set by {@link #wake()}, cleared as a pass begins: a wake-up during a pass asks for one more pass. */
    private final Object wakeUp = new Object();
    private boolean woken;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Connection relayConnection;
    private Instant lastCleanup = Instant.EPOCH;
    private Instant lastMeasure = Instant.EPOCH;

    public OutboxRelay(RelayConfig config, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "certboard.inbox.retention", defaultValue = "P30D") Duration inboxRetention) {
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
        this.parked = registry.counter("certboard.outbox.parked");
        this.inboxRetention = inboxRetention;
        registry.gauge("certboard.outbox.parked.records", parkedRecords);
        registry.gauge("certboard.consumer.parked.keys", parkedConsumerKeys);
        registry.gauge("certboard.consumer.parked.events", parkedConsumerEvents);
    }

    /** Whether the relay thread runs and its loop went round within {@code stallAfter}; always true when disabled. */
    public boolean isGoingRound() {
        return !running || RelayLiveness.goingRound(thread != null && thread.isAlive(), lastTurnNanos,
                System.nanoTime(), config.stallAfter());
    }

    /**
     * Publishes without waiting for the next poll: called after a transaction that wrote outbox rows committed
     * ({@link OutboxWakeUp}). Wake-ups coalesce: however many arrive during a pass, one more pass follows and takes
     * every row committed by then. The poll stays the fallback (another replica's commits, a scheduled job, a wake-up
     * while this relay does not hold the lease).
     */
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    /** Nanoseconds since the loop last went round. */
    public long sinceLastTurnNanos() {
        return System.nanoTime() - lastTurnNanos;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled (certboard.outbox.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((dead, failure) -> LOG.error("the outbox relay thread died", failure));
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
            lastTurnNanos = System.nanoTime();
            try {
                connect();
                synchronized (wakeUp) {
                    // before the select: a commit that wakes us after this point is seen by the next pass
                    woken = false;
                }
                int count = relayBatch();
                heartbeatMillis.set(System.currentTimeMillis());
                backoff = MIN_BACKOFF;
                if (count < config.batchSize()) {
                    measureBacklog();
                    cleanUpIfDue();
                    awaitNextPoll(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                if (!running) {
                    return;
                }
                if (e instanceof Exception) {
                    LOG.warnf("outbox relay cannot publish (%s); retrying in %d ms", e.toString(), backoff.toMillis());
                } else {
                    // an Error is no outage: say so loudly, but keep the loop (and liveness) going
                    LOG.errorf(e, "outbox relay failed with an error; retrying in %d ms", backoff.toMillis());
                }
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
            List<String> keys = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            Map<UUID, String> parkedNow = new java.util.LinkedHashMap<>();
            java.util.Set<String> blockedKeys = new java.util.HashSet<>();
            int selected = 0;
            // a parked row holds back the later rows of its key (order is kept); other keys flow past it
            try (PreparedStatement select = relayConnection.prepareStatement(
                    "select id, topic, event_key, type, source, subject, occurred_at, payload, traceparent"
                            + " from outbox_event o"
                            + " where published_at is null and parked_at is null and not exists (select 1 from"
                            + " outbox_event p where p.event_key = o.event_key and p.parked_at is not null"
                            + " and p.published_at is null and p.seq < o.seq)"
                            + " order by seq limit ? for update skip locked")) {
                select.setInt(1, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        selected++;
                        UUID id = rows.getObject(1, UUID.class);
                        String key = rows.getString(3);
                        if (blockedKeys.contains(key)) {
                            continue; // behind a record parked in this batch: waits, unsent
                        }
                        Future<RecordMetadata> ack = producer.send(record(id, rows));
                        Throwable early = ack.isDone() ? failureOf(ack) : null;
                        String refusal = early == null ? null : permanentRefusal(early);
                        if (refusal != null) {
                            parkedNow.put(id, refusal);
                            blockedKeys.add(key);
                            continue;
                        }
                        ids.add(id);
                        keys.add(key);
                        acks.add(ack);
                        if (early != null) {
                            // not sent (no metadata in time, a broker coming back): the rows after it wait for the
                            // next pass rather than overtake it
                            break;
                        }
                    }
                }
            }
            if (selected == 0) {
                relayConnection.commit();
                return 0;
            }
            producer.flush();
            int acknowledged = acks.size();
            Exception failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    String refusal = permanentRefusal(e.getCause());
                    if (refusal == null) {
                        // what Kafka acknowledged before this record is marked, so that the retry (a fresh producer,
                        // after backoff) does not publish it twice; this record and the later ones go again in order
                        failure = e;
                        acknowledged = i;
                        break;
                    }
                    // refused by the broker after later records of its key may have left: logged with the key
                    LOG.errorf("outbox record %s (key %s) refused by Kafka after sending: %s", ids.get(i), keys.get(i),
                            refusal);
                    parkedNow.put(ids.get(i), refusal);
                }
            }
            List<UUID> marked = new ArrayList<>(ids.subList(0, acknowledged));
            marked.removeAll(parkedNow.keySet());
            park(parkedNow);
            try (PreparedStatement mark = relayConnection.prepareStatement(
                    "update outbox_event set published_at = clock_timestamp() where id = any(?)")) {
                Array array = relayConnection.createArrayOf("uuid", marked.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
            relayConnection.commit();
            published.increment(marked.size());
            parked.increment(parkedNow.size());
            if (failure != null) {
                throw failure;
            }
            return selected;
        } catch (Exception e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void park(Map<UUID, String> refused) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement park = relayConnection.prepareStatement(
                "update outbox_event set parked_at = clock_timestamp(), park_reason = ? where id = ?")) {
            for (Map.Entry<UUID, String> entry : refused.entrySet()) {
                LOG.errorf("outbox record %s parked, Kafka will not accept it: %s", entry.getKey(), entry.getValue());
                park.setString(1, entry.getValue());
                park.setObject(2, entry.getKey());
                park.addBatch();
            }
            park.executeBatch();
        }
    }

    /** Why a send that has already completed failed, or null when it succeeded. */
    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Why Kafka will never accept this record, or null when the failure may pass (broker down, timeout). */
    static String permanentRefusal(Throwable failure) {
        if (failure instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || failure instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                || failure instanceof org.apache.kafka.common.errors.InvalidTopicException
                || failure instanceof org.apache.kafka.common.InvalidRecordException
                || failure instanceof org.apache.kafka.common.errors.SerializationException) {
            return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        return null;
    }

    private static ProducerRecord<String, byte[]> record(UUID id, ResultSet row) throws SQLException {
        return KafkaCloudEvents.record(row.getString(2), row.getString(3),
                new KafkaCloudEvents.Envelope(id, row.getString(4), row.getString(5), row.getString(6),
                        row.getTimestamp(7).toInstant()),
                row.getString(8), row.getString(9));
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
                        + " - min(created_at)) * 1000, 0), count(*) filter (where parked_at is not null)"
                        + " from outbox_event where published_at is null")) {
            result.next();
            backlog.set(result.getLong(1));
            oldestUnsentAgeMillis.set(result.getLong(2));
            parkedRecords.set(result.getLong(3));
        } finally {
            relayConnection.commit();
        }
        try (Statement query = relayConnection.createStatement();
                ResultSet result = query.executeQuery(
                        "select count(distinct (topic, event_key)), count(*) from parked_event")) {
            result.next();
            parkedConsumerKeys.set(result.getLong(1));
            parkedConsumerEvents.set(result.getLong(2));
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
        // the event id dedupes redeliveries within the retention; older ones are caught by business keys
        try (PreparedStatement delete = relayConnection.prepareStatement(
                "delete from processed_event where recorded_at < clock_timestamp() - ?::interval")) {
            delete.setString(1, inboxRetention.toSeconds() + " seconds");
            delete.executeUpdate();
        } finally {
            relayConnection.commit();
        }
        lastCleanup = now;
    }

    private void awaitNextPoll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (wakeUp) {
            long left;
            while (!woken && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(wakeUp, left);
            }
        }
    }

    private void connect() throws SQLException {
        if (relayConnection == null || relayConnection.isClosed()) {
            relayConnection = DriverManager.getConnection(jdbcUrl, connectionProperties());
            relayConnection.setAutoCommit(false);
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

    /**
     * A read waits at most socketTimeout (a half-open connection fails instead of hanging), and the server ends a
     * relay session idle in a transaction for twice as long, which releases the lease of a relay that vanished.
     */
    private java.util.Properties connectionProperties() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        long seconds = Math.max(1, config.socketTimeout().toSeconds());
        properties.setProperty("socketTimeout", Long.toString(seconds));
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("tcpKeepAlive", "true");
        // twice the socket timeout: above the relay's own longest wait inside a transaction (Kafka acknowledgements)
        properties.setProperty("options", "-c idle_in_transaction_session_timeout=" + seconds * 2000);
        return properties;
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
        try {
            if (relayConnection != null) {
                relayConnection.close();
            }
        } catch (SQLException e) {
            LOG.debug("close failed", e);
        }
        relayConnection = null;
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
