package org.certboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.candidate.CandidateRegistered;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay against a plain Kafka producer (docs/benchmarks.md). Run with
 * {@code ./mvnw -pl platform test -Pbenchmark}. Prints and writes target/benchmarks/outbox-relay.txt.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxRelayBenchmark {
    private static final String TOPIC = "certboard.benchmark.events";
    private static final int EVENTS = 20_000;
    private static final int KEYS = 1_000;
    private static final int RATE_PER_SECOND = 100;
    private static final Duration LATENCY_RUN = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void relayAgainstPlainProducer() throws Exception {
        List<Row> warmUp = rows(2_000);
        plainProducer(warmUp);
        relayDrain(warmUp);

        List<Row> rows = rows(EVENTS);
        double plainPerSecond = plainProducer(rows);
        double relayPerSecond = relayDrain(rows);
        Histogram latency = commitToPublishLatency();

        String report = String.format("""
                outbox relay benchmark (%d events, %d keys, payload ~%d bytes, acks=all, idempotent)
                  plain KafkaProducer : %,.0f events/s
                  outbox relay drain  : %,.0f events/s  (ratio %.2f, goal >= 0.5)
                  commit -> published at %d events/s for %d s (%d events): p50 %.1f ms, p99 %.1f ms, max %.1f ms (goal p99 < 50 ms)
                """, EVENTS, KEYS, rows.get(0).payload().length(), plainPerSecond, relayPerSecond,
                relayPerSecond / plainPerSecond, RATE_PER_SECOND, LATENCY_RUN.toSeconds(), latency.getTotalCount(),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "outbox-relay.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(latency.getTotalCount()).isEqualTo(RATE_PER_SECOND * LATENCY_RUN.toSeconds());
    }

    private record Row(UUID id, String key, String payload) {
    }

    private static List<Row> rows(int count) {
        List<Row> rows = new ArrayList<>(count);
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(UUID.randomUUID());
        }
        for (int i = 0; i < count; i++) {
            UUID candidate = keys.get(i % KEYS);
            rows.add(new Row(UUID.randomUUID(), candidate.toString(), EventCodec.toJson(new CandidateRegistered(
                    candidate, "subject-" + i, "Given" + i, "Family" + i, Instant.now()))));
        }
        return rows;
    }

    /** The same records, headers and settings as the relay sends, straight to Kafka. */
    private double plainProducer(List<Row> rows) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(TOPIC);
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, row.key(),
                        row.payload().getBytes(StandardCharsets.UTF_8));
                for (String[] header : headers(row)) {
                    record.headers().add(new RecordHeader(header[0], header[1].getBytes(StandardCharsets.UTF_8)));
                }
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String[][] headers(Row row) {
        return new String[][] { { "ce_id", row.id().toString() }, { "ce_specversion", "1.0" },
                { "ce_type", EventType.CANDIDATE_REGISTERED.type() }, { "ce_source", "/certboard/candidate" },
                { "ce_subject", row.key() }, { "ce_time", Instant.now().toString() },
                { "content-type", "application/json" } };
    }

    /** Commits all rows at once, then times the relay from that commit until the last row is marked published. */
    private double relayDrain(List<Row> rows) throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(insertSql())) {
                for (Row row : rows) {
                    bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            long committed = System.nanoTime();
            c.setAutoCommit(true);
            try (PreparedStatement unpublished = c.prepareStatement(
                    "select count(*) from outbox_event where published_at is null and topic = ?")) {
                unpublished.setString(1, TOPIC);
                while (true) {
                    var result = unpublished.executeQuery();
                    result.next();
                    if (result.getLong(1) == 0) {
                        return rows.size() / ((System.nanoTime() - committed) / 1e9);
                    }
                    Thread.sleep(5);
                }
            }
        }
    }

    /** One event committed every 10 ms; latency from each commit's return to its arrival at a consumer. */
    private Histogram commitToPublishLatency() throws Exception {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        long total = RATE_PER_SECOND * LATENCY_RUN.toSeconds();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);

            Thread producer = new Thread(() -> commitAtConstantRate(rows((int) total), committedAt));
            producer.start();
            long deadline = System.nanoTime() + LATENCY_RUN.plusSeconds(30).toNanos();
            while (receivedAt.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.nanoTime();
                    receivedAt.put(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                            received);
                }
            }
            producer.join();
        }
        // joined afterwards: under load a record can arrive before its committing thread noted the commit time
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        committedAt.forEach((id, committed) -> {
            Long received = receivedAt.get(id);
            if (received != null) {
                histogram.recordValue(Math.max(0, (received - committed) / 1000));
            }
        });
        return histogram;
    }

    private void commitAtConstantRate(List<Row> rows, Map<String, Long> committedAt) {
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long next = System.nanoTime();
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(insertSql())) {
            for (Row row : rows) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                bind(insert, row);
                insert.executeUpdate(); // autocommit: the commit returns here
                committedAt.put(row.id().toString(), System.nanoTime());
                next += interval;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String insertSql() {
        return "insert into outbox_event (id, topic, event_key, type, source, subject, occurred_at, payload)"
                + " values (?, ?, ?, ?, ?, ?, now(), ?)";
    }

    private static void bind(PreparedStatement insert, Row row) throws Exception {
        insert.setObject(1, row.id());
        insert.setString(2, TOPIC);
        insert.setString(3, row.key());
        insert.setString(4, EventType.CANDIDATE_REGISTERED.type());
        insert.setString(5, "/certboard/candidate");
        insert.setString(6, row.key());
        insert.setString(7, row.payload());
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
