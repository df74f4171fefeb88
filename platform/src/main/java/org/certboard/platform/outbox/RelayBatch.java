package org.certboard.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.certboard.platform.kafka.KafkaCloudEvents;
import org.jboss.logging.Logger;

/**
 * One batch of the relay, in one transaction of its connection: take the lease, send the oldest unpublished rows in
 * seq order, wait for Kafka's acknowledgements, then park what Kafka refused for good and mark published what it
 * acknowledged, and commit. When a record fails transiently, the rows acknowledged before it are still marked (so the
 * retry does not publish them twice) and the failure is handed back; it and the later rows go again, in order.
 */
final class RelayBatch {
    private static final Logger LOG = Logger.getLogger(RelayBatch.class);
    private static final Outcome NOTHING = new Outcome(true, 0, 0, 0, null);
    private static final Outcome LEASE_HELD_ELSEWHERE = new Outcome(false, 0, 0, 0, null);

    /**
     * {@code leaseTaken}: false when another relay held the lease (this one sent nothing); {@code failure}: the
     * transient failure that stopped the batch after the commit, or null.
     */
    record Outcome(boolean leaseTaken, int selected, int published, int parked, ExecutionException failure) {
    }

    /** A record handed to the producer, in seq order. */
    private record Sent(UUID id, String key, Future<RecordMetadata> ack) {
    }

    private final Connection connection;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<UUID, String> refused = new LinkedHashMap<>();
    /** Keys with a record refused in this batch: their later rows wait, unsent. */
    private final Set<String> blockedKeys = new HashSet<>();
    private int selected;

    private RelayBatch(Connection connection, KafkaProducer<String, byte[]> producer) {
        this.connection = connection;
        this.producer = producer;
    }

    /** Rolls the transaction back on anything thrown; a transient send failure comes back in the outcome instead. */
    static Outcome run(Connection connection, KafkaProducer<String, byte[]> producer, int batchSize)
            throws Exception {
        try {
            return new RelayBatch(connection, producer).relay(batchSize);
        } catch (Exception e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private Outcome relay(int batchSize) throws Exception {
        if (!takeLease()) {
            connection.commit();
            return LEASE_HELD_ELSEWHERE;
        }
        if (sendOldest(batchSize) == 0) {
            connection.commit();
            return NOTHING;
        }
        producer.flush();
        ExecutionException failure = null;
        int acknowledged = sent.size();
        for (int i = 0; i < sent.size() && failure == null; i++) {
            failure = awaitAck(sent.get(i));
            if (failure != null) {
                acknowledged = i;
            }
        }
        List<UUID> published = new ArrayList<>();
        sent.subList(0, acknowledged).stream().map(Sent::id).filter(id -> !refused.containsKey(id))
                .forEach(published::add);
        park();
        markPublished(published);
        connection.commit();
        return new Outcome(true, selected, published.size(), refused.size(), failure);
    }

    private boolean takeLease() throws SQLException {
        try (PreparedStatement lease = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lease.setLong(1, OutboxRelay.LEASE_KEY);
            try (ResultSet result = lease.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * Sends the selected rows, locked, in seq order; returns how many were selected. A parked row holds back the later
     * rows of its key (order is kept) while other keys flow past it. A send that failed at once is parked when Kafka
     * will never take it; otherwise (no metadata in time, a broker coming back) the rows after it wait for the next
     * batch rather than overtake it.
     */
    private int sendOldest(int batchSize) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, event_key, type, source, subject, occurred_at, payload, traceparent"
                        + " from outbox_event o"
                        + " where published_at is null and parked_at is null and not exists (select 1 from"
                        + " outbox_event p where p.event_key = o.event_key and p.parked_at is not null"
                        + " and p.published_at is null and p.seq < o.seq)"
                        + " order by seq limit ? for update skip locked")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    selected++;
                    UUID id = rows.getObject(1, UUID.class);
                    String key = rows.getString(3);
                    if (!blockedKeys.contains(key) && !send(id, key, record(id, rows))) {
                        break;
                    }
                }
            }
        }
        return selected;
    }

    /** False when the send failed at once for a reason that may pass: the batch sends nothing more. */
    private boolean send(UUID id, String key, ProducerRecord<String, byte[]> record) {
        Future<RecordMetadata> ack = producer.send(record);
        Throwable early = ack.isDone() ? failureOf(ack) : null;
        String refusal = early == null ? null : OutboxRelay.permanentRefusal(early);
        if (refusal != null) {
            refused.put(id, refusal);
            blockedKeys.add(key);
            return true;
        }
        sent.add(new Sent(id, key, ack));
        return early == null;
    }

    /**
     * Null once Kafka acknowledged the record, or refused it for good (then it is parked, logged with its key: later
     * records of the key may have left already); the failure when it may pass.
     */
    private ExecutionException awaitAck(Sent record) throws Exception {
        try {
            record.ack().get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            String refusal = OutboxRelay.permanentRefusal(e.getCause());
            if (refusal == null) {
                return e;
            }
            LOG.errorf("outbox record %s (key %s) refused by Kafka after sending: %s", record.id(), record.key(),
                    refusal);
            refused.put(record.id(), refusal);
            return null;
        }
    }

    private void park() throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement park = connection.prepareStatement(
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

    private void markPublished(List<UUID> ids) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp() where id = any(?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
    }

    /** Why a send that has already completed failed, or null when it succeeded. */
    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static ProducerRecord<String, byte[]> record(UUID id, ResultSet row) throws SQLException {
        return KafkaCloudEvents.record(row.getString(2), row.getString(3),
                new KafkaCloudEvents.Envelope(id, row.getString(4), row.getString(5), row.getString(6),
                        row.getTimestamp(7).toInstant()),
                row.getString(8), row.getString(9));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }
}
