package org.certboard.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certboard.platform.kafka.KafkaClientProperties;
import org.certboard.platform.sql.DirectConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the outbox to Kafka. One thread and one plain JDBC connection relay batches in seq order, woken
 * in-process when a request, a consumed event or a job that wrote outbox rows committed ({@link #wake()}), then
 * lingering for {@code certboard.outbox.linger} so that the commits of that moment leave together, and polling every
 * {@code certboard.outbox.poll-interval} for what no wake-up announced (no NOTIFY per commit: it serialises the
 * service's commits, see the V0_4 migration). Each batch ({@link RelayBatch}) marks a row published
 * only after Kafka acknowledged it (acks=all, idempotent producer), in the same transaction that locked the rows, so a
 * crash between send and mark re-sends (consumers dedupe on ce_id) and never loses an event. When a record fails
 * transiently, the rows acknowledged before it are marked and it goes again, with the rows after it, in seq order.
 * <p>
 * Several replicas are safe: a transaction-scoped advisory lock lets one relay at a time publish, which also keeps
 * one candidate's events in order across replicas.
 * <p>
 * A record Kafka will never accept (too large, invalid topic name, unserialisable) is parked: it stays unpublished
 * with its reason ({@code parked_at}, {@code park_reason}), is counted, and later rows of the same key wait behind it
 * until the operator re-sends or discards it ({@link ParkedRecordResource}). Every other failure is taken as
 * transient: the batch rolls back and is retried with backoff. The loop records each turn for {@link RelayLiveness};
 * anything thrown, {@link Error}s included, is logged and the loop goes on. Between batches it measures the outbox
 * and deletes old published rows ({@link OutboxUpkeep}); the inbox keeps its own tables
 * ({@code org.certboard.platform.inbox.InboxHousekeeping}).
 */
@ApplicationScoped
public class OutboxRelay {
    /** The advisory lock a relay's batch takes ("certb"): one relay lease per database. */
    public static final long LEASE_KEY = 0x6365727462L;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

    private final RelayConfig config;
    private final Map<String, Object> kafka;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final OutboxUpkeep upkeep;
    private final AtomicLong heartbeatMillis = new AtomicLong();
    private final Counter published;
    private final Counter parked;
    private volatile long lastTurnNanos = System.nanoTime();

    /** Set by {@link #wake()}, cleared as a pass begins: a wake-up during a pass asks for one more pass. */
    private final Object wakeUp = new Object();
    private boolean woken;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Connection relayConnection;

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
        this.upkeep = new OutboxUpkeep(registry, config.retention());
        this.published = registry.counter("certboard.outbox.published");
        this.parked = registry.counter("certboard.outbox.parked");
        // Wall time of the relay loop's last successful pass: an alert fires when it stops moving (relay thread dead).
        registry.gauge("certboard.outbox.relay.heartbeat.seconds", heartbeatMillis, ms -> ms.get() / 1000.0);
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
                RelayBatch.Outcome outcome = relayOnce();
                backoff = MIN_BACKOFF;
                if (outcome.selected() < config.batchSize()) {
                    upkeep.whenIdle(relayConnection);
                    // another replica's relay is publishing: what woke this one may have been committed after
                    // that relay's select, so look again soon rather than a whole poll interval later
                    awaitNextPoll(outcome.leaseTaken() ? config.pollInterval() : config.leaseRetry());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                if (!running || !backOff(e, backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** One batch, counted; a transient failure is thrown once what Kafka acknowledged before it is marked. */
    private RelayBatch.Outcome relayOnce() throws Exception {
        connect();
        synchronized (wakeUp) {
            // before the select: a commit that wakes us after this point is seen by the next pass
            woken = false;
        }
        RelayBatch.Outcome outcome = RelayBatch.run(relayConnection, producer, config.batchSize());
        published.increment(outcome.published());
        parked.increment(outcome.parked());
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        heartbeatMillis.set(System.currentTimeMillis());
        return outcome;
    }

    /** Logs the failure, starts afresh after the backoff; false when interrupted meanwhile (shutting down). */
    private boolean backOff(Throwable failure, Duration backoff) {
        if (failure instanceof Exception) {
            LOG.warnf("outbox relay cannot publish (%s); retrying in %d ms", failure.toString(), backoff.toMillis());
        } else {
            // an Error is no outage: say so loudly, but keep the loop (and liveness) going
            LOG.errorf(failure, "outbox relay failed with an error; retrying in %d ms", backoff.toMillis());
        }
        closeAll();
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            return false;
        }
    }

    /** Until woken (then lingering, {@link RelayConfig#linger()}) or until {@code timeout} passed. */
    private void awaitNextPoll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean wokenUp;
        synchronized (wakeUp) {
            long left;
            while (!woken && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(wakeUp, left);
            }
            wokenUp = woken;
        }
        if (wokenUp && !config.linger().isZero()) {
            Thread.sleep(config.linger().toMillis());
        }
    }

    private void connect() throws SQLException {
        if (relayConnection == null || relayConnection.isClosed()) {
            relayConnection = DirectConnection.open(jdbcUrl, user, password, config.socketTimeout());
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

    /** After any failure the relay starts afresh: new connections and a new producer (a new idempotence epoch). */
    private void closeAll() {
        DirectConnection.closeQuietly(relayConnection);
        relayConnection = null;
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
