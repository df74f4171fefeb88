package org.certboard.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestKafka;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void aChangeThatRollsBackPublishesNothing() {
        String rolledBack = "rolled-back-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).body("{\"email\":\"" + rolledBack + "\",\"failAfterOutbox\":true}")
                .post("/test/registrations").then().statusCode(409).contentType("application/problem+json");
        String committed = register("committed-" + UUID.randomUUID() + "@example.org");

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            probe.await(r -> committed.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(probe.drain(Duration.ofSeconds(1))).noneMatch(r -> r.value().contains(rolledBack));
        }
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?", "%" + rolledBack + "%"))
                .isZero();
        assertThat(TestDatabase.count("select count(*) from test_registration where email = ?", rolledBack)).isZero();
    }

    @Test
    void aChangeWrittenAsOneStatementWithItsEventIsPublishedOrNotWrittenAtAll() {
        String email = "one-statement-" + UUID.randomUUID() + "@example.org";
        String id = given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"oneStatement\":true}")
                .post("/test/registrations").then().statusCode(200).extract().path("id");
        // the same address again: the unique index fails the one statement, so its event is not written either
        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\",\"oneStatement\":true}")
                .post("/test/registrations").then().statusCode(409).contentType("application/problem+json");

        assertThat(TestDatabase.count("select count(*) from test_registration where email = ?", email)).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?", "%" + email + "%"))
                .isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            TopicProbe.Received record = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(record.header("ce_type")).isEqualTo(EventType.CANDIDATE_REGISTERED.type());
            assertThat(record.header("ce_subject")).isEqualTo(id);
            assertThat(TestDatabase.count("select count(*) from outbox_event where id = ?::uuid", record.header("ce_id")))
                    .isEqualTo(1);
            assertThat(EventCodec.validate(EventType.CANDIDATE_REGISTERED, record.value())).isEqualTo(Set.of());
        }
    }

    /** A change that finds nothing to do (the address is taken) writes no event, and says so; the first one did. */
    @Test
    void aConditionalChangeWritesItsEventOnlyWhenItChangedARow() {
        String email = "if-new-" + UUID.randomUUID() + "@example.org";
        String body = "{\"email\":\"" + email + "\",\"oneStatement\":true,\"ifNew\":true}";
        String id = given().contentType(ContentType.JSON).body(body).post("/test/registrations").then().statusCode(200)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(body).post("/test/registrations").then().statusCode(409)
                .contentType("application/problem+json");

        assertThat(TestDatabase.count("select count(*) from test_registration where email = ?", email)).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?", "%" + email + "%"))
                .isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            TopicProbe.Received record = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(record.header("ce_subject")).isEqualTo(id);
            assertThat(TestDatabase.count("select count(*) from outbox_event where id = ?::uuid", record.header("ce_id")))
                    .isEqualTo(1);
        }
    }

    /**
     * A change of several rows writes the events of the rows it changed and only those, and answers which: here three
     * registrations in one statement, one of them an address already taken.
     */
    @Test
    void aChangeOfSeveralRowsWritesTheEventsOfTheRowsItChanged() {
        String taken = register("taken-" + UUID.randomUUID() + "@example.org");
        String takenEmail = TestDatabase.text("select email from test_registration where id = ?::uuid", taken);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> emails = List.of("several-a-" + UUID.randomUUID() + "@example.org", takenEmail,
                "several-c-" + UUID.randomUUID() + "@example.org");
        List<Outbox.Announcing> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            events.add(new Outbox.Announcing(ids.get(i), new CandidateRegistered(ids.get(i), emails.get(i), "Test",
                    "Person", Instant.parse("2026-12-07T09:00:00Z")), null));
        }

        Set<UUID> changed = outbox.writeForChanged(pool, new Outbox.Change("""
                insert into test_registration (id, email) select * from unnest(cast($1 as uuid[]), cast($2 as text[]))
                on conflict (email) do nothing returning id""",
                Tuple.of(ids.toArray(new UUID[0]), emails.toArray(new String[0]))), events)
                .await().atMost(Duration.ofSeconds(30));

        assertThat(changed).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?",
                "%" + emails.get(0) + "%")).isOne();
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?",
                "%" + ids.get(1) + "%")).isZero();
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?",
                "%" + emails.get(2) + "%")).isOne();
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArePublishedOnceItReturns() {
        List<String> ids = new ArrayList<>();
        TestKafka.broker().stop();
        try {
            for (int i = 0; i < 10; i++) {
                ids.add(register("outage-" + i + "-" + UUID.randomUUID() + "@example.org"));
            }
            assertThat(TestDatabase.count("select count(*) from outbox_event where published_at is null")).isGreaterThanOrEqualTo(10);
        } finally {
            TestKafka.broker().start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TestDatabase.count(
                "select count(*) from outbox_event where published_at is not null and subject = any(?::text[])",
                (Object) ids.toArray(String[]::new))).isEqualTo(10));
        assertThat(TestDatabase.count("select count(*) from outbox_event where subject = any(?::text[])",
                (Object) ids.toArray(String[]::new))).as("one outbox row per change").isEqualTo(10);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            List<TopicProbe.Received> records = probe.await(r -> ids.contains(r.key()), 10, Duration.ofSeconds(30));
            assertThat(records).extracting(TopicProbe.Received::key).containsExactlyInAnyOrderElementsOf(ids);
            for (TopicProbe.Received record : records) {
                assertThat(record.header("ce_type")).isEqualTo(EventType.CANDIDATE_REGISTERED.type());
                assertThat(record.header("ce_source")).isEqualTo("/certboard/candidate");
                assertThat(record.header("ce_subject")).isEqualTo(record.key());
                assertThat(record.header("ce_specversion")).isEqualTo("1.0");
                assertThat(Instant.parse(record.header("ce_time"))).isNotNull();
                assertThat(TestDatabase.count("select count(*) from outbox_event where id = ?::uuid",
                        record.header("ce_id"))).as("ce_id is the outbox row id").isEqualTo(1);
                assertThat(EventCodec.validate(EventType.CANDIDATE_REGISTERED, record.value()))
                        .as("schema violations").isEqualTo(Set.of());
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.count(
                "select count(*) from test_received where candidate_id::text = any(?::text[])",
                (Object) ids.toArray(String[]::new))).isEqualTo(10));
    }

    private static String register(String email) {
        return given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .post("/test/registrations").then().statusCode(200).extract().path("id");
    }
}
