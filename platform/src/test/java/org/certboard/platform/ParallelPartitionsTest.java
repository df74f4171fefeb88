package org.certboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.testapp.TestConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer channel runs one consumer per partition ({@code concurrency=3}, as the services): a partition whose
 * event is still being applied does not hold the others, and each key's events are still applied in their order.
 * Each consumer takes a poll at a time ({@code batch=true}): what queued up is applied in one transaction, and a broken
 * event among it is dead-lettered on its own.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ParallelPartitionsTest {
    private static final int PARTITIONS = 3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventBeingAppliedOnOnePartitionDoesNotHoldTheOthers() {
        TestConsumer.release = new CompletableFuture<>();
        UUID held = candidateOn(0);
        UUID heldEvent = UUID.randomUUID();
        UUID behindHeld = UUID.randomUUID();
        List<UUID> others = List.of(candidateOn(1), candidateOn(2));
        List<UUID> otherEvents = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, held, heldEvent, "held-" + held);
            send(producer, held, behindHeld, "subject-" + held);
            for (int i = 0; i < others.size(); i++) {
                send(producer, others.get(i), otherEvents.get(i), "subject-" + others.get(i));
            }
        }
        try {
            // with one consumer for all partitions, these would wait behind the held event
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(otherEvents)
                    .allSatisfy(id -> assertThat(received(id)).isEqualTo(1)));
            assertThat(received(heldEvent)).isZero();
            assertThat(received(behindHeld)).as("the held key's next event waits for it").isZero();
        } finally {
            TestConsumer.release.complete(null);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received(behindHeld)).isEqualTo(1));
        assertThat(appliedInOrder(held)).containsExactly(heldEvent, behindHeld);
    }

    @Test
    void eachKeyKeepsItsOrderWhilePartitionsAreConsumedInParallel() {
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 2 * PARTITIONS; i++) {
            candidates.add(candidateOn(i % PARTITIONS));
        }
        Map<UUID, List<UUID>> sent = new java.util.LinkedHashMap<>();
        candidates.forEach(candidate -> sent.put(candidate, new ArrayList<>()));
        try (KafkaProducer<String, String> producer = producer()) {
            for (int round = 0; round < 25; round++) {
                for (UUID candidate : candidates) {
                    UUID id = UUID.randomUUID();
                    sent.get(candidate).add(id);
                    send(producer, candidate, id, "subject-" + candidate);
                }
            }
        }
        String keys = String.join(",", candidates.stream().map(UUID::toString).toList());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TestDatabase.count(
                "select count(*) from test_received where candidate_id::text = any(string_to_array(?, ','))", keys))
                .isEqualTo(25L * candidates.size()));
        sent.forEach((candidate, ids) -> assertThat(appliedInOrder(candidate)).containsExactlyElementsOf(ids));
    }

    @Test
    void eventsQueuedOnAPartitionAreAppliedTogetherInOneTransaction() {
        TestConsumer.release = new CompletableFuture<>();
        UUID held = candidateOn(0);
        List<UUID> queued = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, held, UUID.randomUUID(), "held-" + held);
            for (int i = 0; i < 10; i++) {
                UUID id = UUID.randomUUID();
                queued.add(id);
                UUID candidate = candidateOn(0);
                send(producer, candidate, id, "subject-" + candidate);
            }
        } finally {
            TestConsumer.release.complete(null);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(queued)
                .allSatisfy(id -> assertThat(received(id)).isEqualTo(1)));
        // rows written by one transaction share its id (xmin): fewer transactions than events means batches
        assertThat(TestDatabase.count("select count(distinct xmin::text) from test_received"
                + " where event_id::text = any(string_to_array(?, ','))", ids(queued))).isLessThan(queued.size());
    }

    @Test
    void aBrokenEventInABatchIsDeadLetteredAloneAndTheOthersAreAppliedOnce() {
        TestConsumer.release = new CompletableFuture<>();
        UUID held = candidateOn(1);
        List<UUID> good = new ArrayList<>();
        UUID broken = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, held, UUID.randomUUID(), "held-" + held);
            for (int i = 0; i < 7; i++) {
                UUID candidate = candidateOn(1);
                if (i == 3) {
                    send(producer, candidate, broken, "broken-" + candidate);
                } else {
                    UUID id = UUID.randomUUID();
                    good.add(id);
                    send(producer, candidate, id, "subject-" + candidate);
                }
            }
        } finally {
            TestConsumer.release.complete(null);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TestDatabase.count(
                "select count(*) from parked_event where event_id = ? and dead_letter", broken)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(good)
                .allSatisfy(id -> assertThat(received(id)).isEqualTo(1)));
        assertThat(received(broken)).isZero();
    }

    /** A new candidate id whose events the default partitioner puts on {@code partition}. */
    private static UUID candidateOn(int partition) {
        while (true) {
            UUID candidate = UUID.randomUUID();
            byte[] key = candidate.toString().getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return candidate;
            }
        }
    }

    private static String ids(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    private static long received(UUID eventId) {
        return TestDatabase.count("select count(*) from test_received where event_id = ?", eventId);
    }

    private static List<UUID> appliedInOrder(UUID candidate) {
        String ids = TestDatabase.text("select string_agg(event_id::text, ',' order by seq) from test_received"
                + " where candidate_id = ?", candidate);
        return ids == null ? List.of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, UUID candidate, UUID id, String subject) {
        String data = EventCodec.toJson(new CandidateRegistered(candidate, subject, "Ada", "Lovelace", Instant.now()));
        List<Header> headers = new ArrayList<>();
        Map.of("ce_id", id.toString(), "ce_type", EventType.CANDIDATE_REGISTERED.type(), "ce_source",
                "/certboard/candidate", "ce_subject", candidate.toString(), "ce_time", Instant.now().toString(),
                "ce_specversion", "1.0")
                .forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(new ProducerRecord<>(Topics.CANDIDATE_EVENTS, null, candidate.toString(), data, headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
