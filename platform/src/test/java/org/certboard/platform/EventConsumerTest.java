package org.certboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateRegistered;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class EventConsumerTest {
    private static final String DLQ = "certboard.platform-test.dlq";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        UUID candidate = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String data = registered(candidate);
        send(candidate, eventId, EventType.CANDIDATE_REGISTERED.type(), data);
        send(candidate, eventId, EventType.CANDIDATE_REGISTERED.type(), data);
        UUID marker = UUID.randomUUID();
        send(candidate, marker, EventType.CANDIDATE_REGISTERED.type(), data);

        // same key, same partition: once the marker is applied, both copies before it have been consumed
        awaitEffects(marker, 1);
        assertThat(TestDatabase.count("select count(*) from test_received where event_id = ?", eventId)).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndOtherKeysKeepGoing() {
        UUID notJson = UUID.randomUUID();
        UUID breaksSchema = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        send(first, notJson, EventType.CANDIDATE_REGISTERED.type(), "{not json");
        send(second, breaksSchema, EventType.CANDIDATE_REGISTERED.type(), "{\"candidateId\":\"" + second + "\"}");
        send(third, unknownType, "org.certboard.candidate.Nonsense.v9", registered(third));
        UUID other = UUID.randomUUID();
        send(other, healthy, EventType.CANDIDATE_REGISTERED.type(), registered(other));

        awaitEffects(healthy, 1);
        List<String> keys = List.of(first.toString(), second.toString(), third.toString());
        try (TopicProbe dlq = new TopicProbe(bootstrapServers, DLQ)) {
            List<TopicProbe.Received> dead = dlq.await(r -> keys.contains(r.key()), 3, Duration.ofSeconds(30));
            assertThat(dead).extracting(r -> r.header("ce_id"))
                    .containsExactlyInAnyOrder(notJson.toString(), breaksSchema.toString(), unknownType.toString());
            assertThat(dead).allSatisfy(r -> assertThat(r.header("dead-letter-reason")).isNotBlank());
            assertThat(dead).filteredOn(r -> r.header("ce_id").equals(breaksSchema.toString()))
                    .singleElement().satisfies(r -> assertThat(r.header("dead-letter-reason")).contains("schema"));
        }
        for (UUID poison : List.of(notJson, breaksSchema, unknownType)) {
            assertThat(TestDatabase.count("select count(*) from test_received where event_id = ?", poison)).isZero();
            assertThat(TestDatabase.count("select count(*) from parked_event where event_id = ? and dead_letter",
                    poison)).isEqualTo(1);
        }
    }

    @Test
    void aDeadlockIsRetriedUntilItSucceedsNotDeadLettered() {
        UUID candidate = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // the test consumer fails this event four times with Hibernate Reactive's SQLException 40P01
        send(candidate, eventId, EventType.CANDIDATE_REGISTERED.type(), EventCodec.toJson(
                new CandidateRegistered(candidate, "deadlock@example.org", "Ada", "Lovelace", Instant.now())));
        awaitEffects(eventId, 1);
        try (TopicProbe dlq = new TopicProbe(bootstrapServers, DLQ)) {
            assertThat(dlq.drain(Duration.ofSeconds(3))).noneMatch(r -> candidate.toString().equals(r.key()));
        }
    }

    @Test
    void aPollOfEventsWithoutAHandlerIsAcknowledgedWithoutATransaction() throws Exception {
        // the test consumer handles CandidateRegistered only; a licence is nothing to it
        UUID candidate = UUID.randomUUID();
        UUID licence = UUID.randomUUID();
        send(candidate, licence, EventType.LICENCE_RECORDED.type(), "{}");

        awaitNoLag("platform-test", Topics.CANDIDATE_EVENTS);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", licence))
                .as("acknowledged, not recorded").isZero();
        assertThat(TestDatabase.count("select count(*) from parked_event where event_id = ?", licence)).isZero();
    }

    /** Until the group's committed offsets reach the end of every partition of the topic. */
    private void awaitNoLag(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                admin.listOffsets(latest).all().get().forEach((partition, end) -> assertThat(
                        committed.containsKey(partition) ? committed.get(partition).offset() : 0L)
                        .as("committed offset of %s", partition).isEqualTo(end.offset()));
            });
        }
    }

    private void awaitEffects(UUID eventId, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TestDatabase.count("select count(*) from test_received where event_id = ?", eventId)).isEqualTo(count));
    }

    private static String registered(UUID candidate) {
        return EventCodec.toJson(new CandidateRegistered(candidate, "subject-" + candidate, "Ada", "Lovelace", Instant.now()));
    }

    private void send(UUID candidate, UUID id, String type, String data) {
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate.toString(), data, Map.of(
                "ce_id", id.toString(), "ce_type", type, "ce_source", "/certboard/candidate",
                "ce_subject", candidate.toString(), "ce_time", Instant.now().toString(), "ce_specversion", "1.0"));
    }
}
