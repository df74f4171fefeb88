package org.certboard.platform;

import java.net.URL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.platform.security.Roles;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.testapp.TestConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A dead-lettered event holds back the later events of its key until the operator re-publishes or discards it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class DeadLetterParkingTest {
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void laterEventsOfTheKeyWaitUntilTheDeadLetterIsRepublishedThenApplyInOrder() {
        UUID candidate = UUID.randomUUID();
        UUID failing = send(candidate, "broken@example.org");
        UUID second = send(candidate, "second@example.org");
        UUID third = send(candidate, "third@example.org");
        UUID otherCandidate = UUID.randomUUID();
        UUID other = send(otherCandidate, "other@example.org");

        awaitApplied(other);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(third));
        assertThat(applied(second)).as("waits behind the dead letter").isFalse();
        assertThat(applied(third)).isFalse();
        admin().get("/admin/dead-letters").then().statusCode(200)
                .body("items.find { it.eventId == '" + failing + "' }.waitingBehind", equalTo(2))
                .body("items.find { it.eventId == '" + failing + "' }.reason", containsString("a bug in this handler"));
        given().get(management + "metrics").then().body(containsString("certboard_consumer_dead_letters_total"))
                .body(containsString("certboard_consumer_parked_keys"));

        // the fix is deployed; the operator re-publishes: all three are applied, in their original order
        TestConsumer.FIXED.add(candidate);
        admin().post("/admin/dead-letters/" + failing + "/republish").then().statusCode(204);
        awaitApplied(third);
        assertThat(TestDatabase.count("select count(*) from test_received where candidate_id = ?", candidate))
                .isEqualTo(3);
        List<String> order = List.of(
                TestDatabase.text("select string_agg(event_id::text, ',' order by seq) from test_received"
                        + " where candidate_id = ?", candidate).split(","));
        assertThat(order).containsExactly(failing.toString(), second.toString(), third.toString());
        assertThat(TestDatabase.count("select count(*) from parked_event where event_key = ?", candidate.toString()))
                .isZero();
    }

    @Test
    void aDiscardedDeadLetterIsNeverAppliedAndReleasesItsKey() {
        UUID candidate = UUID.randomUUID();
        UUID failing = send(candidate, "broken-for-good@example.org");
        UUID later = send(candidate, "later@example.org");
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(later));

        admin().post("/admin/dead-letters/" + failing + "/discard").then().statusCode(204);
        awaitApplied(later);
        assertThat(applied(failing)).isFalse();
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", failing))
                .as("a later copy of the discarded event is ignored").isEqualTo(1);
        admin().post("/admin/dead-letters/" + failing + "/discard").then().statusCode(404);
    }

    private UUID send(UUID candidate, String email) {
        UUID id = UUID.randomUUID();
        String data = EventCodec.toJson(new CandidateRegistered(candidate, email, "Ada", "Lovelace", Instant.now()));
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate.toString(), data, Map.of(
                "ce_id", id.toString(), "ce_type", EventType.CANDIDATE_REGISTERED.type(),
                "ce_source", "/certboard/candidate", "ce_subject", candidate.toString(),
                "ce_time", Instant.now().toString(), "ce_specversion", "1.0"));
        return id;
    }

    private static boolean applied(UUID id) {
        return TestDatabase.count("select count(*) from test_received where event_id = ?", id) > 0;
    }

    private static boolean parked(UUID id) {
        return TestDatabase.count("select count(*) from parked_event where event_id = ?", id) == 1;
    }

    private static void awaitApplied(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(id));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forNewSubject(Roles.ADMIN));
    }
}
