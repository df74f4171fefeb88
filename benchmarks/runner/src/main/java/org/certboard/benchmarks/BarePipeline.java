package org.certboard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;
import org.certboard.events.CloudEventHeaders;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.CertificationIssued;

/**
 * The import's pipeline written bare, the import row's baseline: the rows certboard's pipeline writes for one passing
 * result, with plain JDBC batches (one per table per poll) and plain Kafka clients, in this JVM.
 * <ul>
 * <li>exam: the result, its ExamPassed outbox row and the booking's update in one transaction; a relay sends the
 * outbox rows (acks=all, idempotent, linger 2 ms, as the services' relay) and marks them published;</li>
 * <li>renewal: a consumer of ExamPassed writes, per poll, the processed_event, applied_exam, certification, credential
 * and CertificationIssued outbox rows, commits, commits the offsets, and relays its outbox rows;</li>
 * <li>candidate: a consumer of both topics writes, per poll, a processed_event per event and the timeline's steps
 * (sat and result for ExamPassed, certified for CertificationIssued).</li>
 * </ul>
 * The rows go to {@code bare_<table>} copies ({@code like <table> including all}: columns, defaults, checks, indexes;
 * no foreign keys) in the services' own databases, so no service sees them; the bookings updated are real ones
 * seeded for it. What the bare pipeline leaves out: the parking check and dedupe look-ups, the certification look-ups,
 * the candidate's name, mail and webhook consumers (which write nothing for these candidates, unknown to
 * candidate-service), and JSON beyond the two payloads.
 */
final class BarePipeline implements AutoCloseable {
    /** Its connections' application name: their backends count as the bare pipeline's PostgreSQL CPU. */
    static final String CONNECTIONS = "certboard-bare-pipeline";
    private static final int RELAY_BATCH = 500;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * Seconds from the start until the last certification was committed, and until the timeline was complete; the CPU
     * per result of the processes asked for, over the same span.
     */
    record Timing(double certified, double complete, Cpu.Usage cpu) {
        @Override
        public String toString() {
            return String.format("all certified after %.2f s, timeline complete after %.2f s; CPU per result %s",
                    certified, complete, cpu.compact());
        }
    }

    private final LocalStack stack;
    /** One connection per database, kept open: a backend that ended during a measurement would lose its CPU. */
    private final Connection exam;
    private final Connection renewal;
    private final Connection candidate;
    /** Certification numbers and credential status indexes (renewal-service takes them from sequences). */
    private final AtomicLong numbers = new AtomicLong();
    private int runs;

    BarePipeline(LocalStack stack) throws SQLException {
        this.stack = stack;
        this.exam = copy(Service.EXAM, "exam_result", "outbox_event");
        this.renewal = copy(Service.RENEWAL, "processed_event", "applied_exam", "certification", "credential",
                "outbox_event");
        this.candidate = copy(Service.CANDIDATE, "processed_event", "timeline_entry");
    }

    /** The database's connection, once its tables are copied. */
    private Connection copy(Service service, String... tables) throws SQLException {
        Connection c = Bench.connect(stack, service, CONNECTIONS);
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("create table if not exists bare_" + table + " (like " + table + " including all)");
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void close() throws SQLException {
        exam.close();
        renewal.close();
        candidate.close();
    }

    /**
     * Passing results of these bookings (and their candidates) through the bare pipeline, on topics of their own;
     * {@code processes}' CPU is measured from the first insert (clients ready) to the timeline's end.
     */
    Timing run(List<UUID> bookings, List<UUID> candidates, Cpu processes) throws Exception {
        int n = bookings.size();
        String run = "bench.bare." + ProcessHandle.current().pid() + "." + ++runs;
        String examTopic = run + ".exam";
        String renewalTopic = run + ".renewal";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(examTopic, 3, (short) 1), new NewTopic(renewalTopic, 3,
                    (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig());
                KafkaConsumer<String, String> renewalConsumer = consumer(run + ".renewal", List.of(examTopic));
                KafkaConsumer<String, String> timeline = consumer(run + ".candidate",
                        List.of(examTopic, renewalTopic))) {
            try {
                Cpu.Sample before = processes.sample();
                long start = System.nanoTime();
                Future<Double> certified = threads.submit(() -> renewal(renewalConsumer, producer, renewalTopic, n,
                        start));
                Future<Double> complete = threads.submit(() -> timeline(timeline, 2 * n, start));
                results(exam, bookings, candidates);
                relay(exam, producer, examTopic);
                double certifiedAfter = certified.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                double completeAfter = complete.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return new Timing(certifiedAfter, completeAfter, Cpu.between(before, processes.sample(), n));
            } finally {
                // the consumers are closed below: their threads must have let go of them
                threads.shutdownNow();
                threads.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    /** exam-service's import: results, ExamPassed outbox rows and the bookings' update, one transaction. */
    private static void results(Connection c, List<UUID> bookings, List<UUID> candidates) throws SQLException {
        LocalDate examDate = Bench.today();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement r = c.prepareStatement("insert into bare_exam_result (id, booking_id, candidate_id,"
                + " scaled_score, passed, no_show, exam_date, recorded_at, program)"
                + " values (?, ?, ?, 650, true, false, ?, ?, 'CCM')");
                PreparedStatement o = outboxInsert(c);
                PreparedStatement b = c.prepareStatement(
                        "update booking set status = 'COMPLETED' where id = any(?) and status = 'BOOKED'")) {
            for (int i = 0; i < bookings.size(); i++) {
                UUID candidate = candidates.get(i);
                r.setObject(1, UUID.randomUUID());
                r.setObject(2, bookings.get(i));
                r.setObject(3, candidate);
                r.setObject(4, examDate);
                r.setTimestamp(5, now);
                r.addBatch();
                outbox(o, candidate, new ExamPassed(candidate, bookings.get(i), examDate, 650, null), now);
            }
            r.executeBatch();
            o.executeBatch();
            b.setArray(1, c.createArrayOf("uuid", bookings.toArray()));
            b.executeUpdate();
        }
        c.commit();
    }

    /** renewal-service's consumer of ExamPassed, a poll at a time; returns when the last certification is committed. */
    private double renewal(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer,
            String topic, int n, long start) throws Exception {
        int applied = 0;
        long deadline = start + TIMEOUT.toNanos();
        Connection c = renewal;
        while (applied < n) {
            ConsumerRecords<String, String> records = poll(consumer, deadline);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement processed = processedInsert(c);
                    PreparedStatement appliedExam = c.prepareStatement("insert into bare_applied_exam"
                            + " (booking_id, certification_id, outcome, applied_at) values (?, ?, 'ISSUED', ?)");
                    PreparedStatement certification = c.prepareStatement("insert into bare_certification (id,"
                            + " number, candidate_id, status, first_certified_on, cycle_started_on, expires_on,"
                            + " next_due_on, program) values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, 'CCM')");
                    PreparedStatement credential = c.prepareStatement("insert into bare_credential (id,"
                            + " certification_id, status_index, valid_from, valid_until, issued_at)"
                            + " values (?, ?, ?, ?, ?, ?)");
                    PreparedStatement outbox = outboxInsert(c)) {
                for (ConsumerRecord<String, String> record : records) {
                    processed(processed, record, now);
                    ExamPassed passed = EventCodec.read(EventType.EXAM_PASSED, record.value());
                    UUID id = UUID.randomUUID();
                    long number = numbers.incrementAndGet();
                    LocalDate examDate = passed.examDate();
                    LocalDate expires = examDate.plusYears(5);
                    appliedExam.setObject(1, passed.bookingId());
                    appliedExam.setObject(2, id);
                    appliedExam.setTimestamp(3, now);
                    appliedExam.addBatch();
                    String certificationNumber = String.format("CCM-%d-%06d", examDate.getYear(), number);
                    certification.setObject(1, id);
                    certification.setString(2, certificationNumber);
                    certification.setObject(3, passed.candidateId());
                    certification.setObject(4, examDate);
                    certification.setObject(5, examDate);
                    certification.setObject(6, expires);
                    certification.setObject(7, expires.minusMonths(6));
                    certification.addBatch();
                    credential.setObject(1, UUID.randomUUID());
                    credential.setObject(2, id);
                    credential.setLong(3, number);
                    credential.setDate(4, Date.valueOf(examDate));
                    credential.setDate(5, Date.valueOf(expires));
                    credential.setTimestamp(6, now);
                    credential.addBatch();
                    outbox(outbox, passed.candidateId(), new CertificationIssued(passed.candidateId(),
                            certificationNumber, examDate, examDate, expires, "CCM"), now);
                }
                processed.executeBatch();
                certification.executeBatch();
                appliedExam.executeBatch();
                credential.executeBatch();
                outbox.executeBatch();
            }
            c.commit();
            consumer.commitSync();
            applied += records.count();
            if (applied >= n) {
                double seconds = (System.nanoTime() - start) / 1e9;
                relay(c, producer, topic);
                return seconds;
            }
            relay(c, producer, topic);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** candidate-service's timeline, a poll at a time; returns when {@code events} events are applied. */
    private double timeline(KafkaConsumer<String, String> consumer, int events, long start) throws Exception {
        int applied = 0;
        long deadline = start + TIMEOUT.toNanos();
        Connection c = candidate;
        while (applied < events) {
            ConsumerRecords<String, String> records = poll(consumer, deadline);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement processed = processedInsert(c);
                    PreparedStatement step = c.prepareStatement("insert into bare_timeline_entry (event_id, step,"
                            + " candidate_id, occurred_at, recorded_at, service, ref, detail)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ConsumerRecord<String, String> record : records) {
                    processed(processed, record, now);
                    UUID event = UUID.fromString(header(record, CloudEventHeaders.ID));
                    EventType type = EventType.ofType(header(record, CloudEventHeaders.TYPE)).orElseThrow();
                    EventPayload data = EventCodec.read(type, record.value());
                    if (data instanceof ExamPassed passed) {
                        step(step, event, "SAT", passed.candidateId(), passed.examDate().atStartOfDay()
                                .toInstant(java.time.ZoneOffset.UTC), now, "exam", passed.bookingId().toString());
                        step(step, event, "RESULT", passed.candidateId(), now.toInstant(), now, "exam",
                                passed.bookingId().toString());
                    } else if (data instanceof CertificationIssued issued) {
                        step(step, event, "CERTIFIED", issued.candidateId(), now.toInstant(), now, "renewal",
                                issued.number());
                    }
                }
                processed.executeBatch();
                step.executeBatch();
            }
            c.commit();
            consumer.commitSync();
            applied += records.count();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void step(PreparedStatement step, UUID event, String name, UUID candidate, Instant occurredAt,
            Timestamp recordedAt, String service, String ref) throws SQLException {
        step.setObject(1, event);
        step.setString(2, name);
        step.setObject(3, candidate);
        step.setTimestamp(4, Timestamp.from(occurredAt));
        step.setTimestamp(5, recordedAt);
        step.setString(6, service);
        step.setString(7, ref);
        step.setString(8, "{\"program\":\"CCM\",\"ref\":\"" + ref + "\"}");
        step.addBatch();
    }

    /** The services' relay: unpublished rows in order, sent, acknowledged, marked published; a batch at a time. */
    private static void relay(Connection c, KafkaProducer<String, String> producer, String topic) throws Exception {
        while (true) {
            List<UUID> sent = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select id, event_key, type, source, subject, occurred_at,"
                    + " payload from bare_outbox_event where published_at is null order by seq limit " + RELAY_BATCH
                    + " for update")) {
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        UUID id = (UUID) rs.getObject(1);
                        ProducerRecord<String, String> record = new ProducerRecord<>(topic, rs.getString(2),
                                rs.getString(7));
                        record.headers().add(CloudEventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8))
                                .add(CloudEventHeaders.TYPE, rs.getString(3).getBytes(StandardCharsets.UTF_8))
                                .add(CloudEventHeaders.SOURCE, rs.getString(4).getBytes(StandardCharsets.UTF_8))
                                .add(CloudEventHeaders.SUBJECT, rs.getString(5).getBytes(StandardCharsets.UTF_8))
                                .add(CloudEventHeaders.TIME, rs.getTimestamp(6).toInstant().toString()
                                        .getBytes(StandardCharsets.UTF_8));
                        acks.add(producer.send(record));
                        sent.add(id);
                    }
                }
            }
            if (sent.isEmpty()) {
                c.commit();
                return;
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            try (PreparedStatement mark = c.prepareStatement(
                    "update bare_outbox_event set published_at = now() where id = any(?)")) {
                mark.setArray(1, c.createArrayOf("uuid", sent.toArray()));
                mark.executeUpdate();
            }
            c.commit();
        }
    }

    private static PreparedStatement outboxInsert(Connection c) throws SQLException {
        return c.prepareStatement("insert into bare_outbox_event (id, topic, event_key, type, source, subject,"
                + " occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private static void outbox(PreparedStatement o, UUID candidate, EventPayload event, Timestamp now)
            throws SQLException {
        EventType type = EventType.of(event);
        o.setObject(1, UUID.randomUUID());
        o.setString(2, type.topic());
        o.setString(3, candidate.toString());
        o.setString(4, type.type());
        o.setString(5, type.service().source());
        o.setString(6, candidate.toString());
        o.setTimestamp(7, now);
        o.setString(8, EventCodec.toJson(event));
        o.addBatch();
    }

    private static PreparedStatement processedInsert(Connection c) throws SQLException {
        return c.prepareStatement("insert into bare_processed_event (event_id, type, source, processed_at)"
                + " values (?, ?, ?, ?) on conflict do nothing");
    }

    private static void processed(PreparedStatement p, ConsumerRecord<String, String> record, Timestamp now)
            throws SQLException {
        p.setObject(1, UUID.fromString(header(record, CloudEventHeaders.ID)));
        p.setString(2, header(record, CloudEventHeaders.TYPE));
        p.setString(3, header(record, CloudEventHeaders.SOURCE));
        p.setTimestamp(4, now);
        p.addBatch();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("record without " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecords<String, String> poll(KafkaConsumer<String, String> consumer, long deadline) {
        while (System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
            if (!records.isEmpty()) {
                return records;
            }
        }
        throw new IllegalStateException("the bare pipeline stalled: nothing to consume for " + TIMEOUT);
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    /** A consumer of a group of its own, assigned every partition of its topics from the start (no group join). */
    private KafkaConsumer<String, String> consumer(String group, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            // a topic just created may take a moment to show in the metadata
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<org.apache.kafka.common.PartitionInfo> found = consumer.partitionsFor(topic);
            while ((found == null || found.isEmpty()) && System.nanoTime() < deadline) {
                App.sleep(100);
                found = consumer.partitionsFor(topic);
            }
            if (found == null || found.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
            found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        return consumer;
    }
}
