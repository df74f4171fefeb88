package org.certboard.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.devstack.testing.UnusualValues;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.exam.support.ExamFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The unusual but valid values candidate-service accepts reach exam-service's consumer through the real broker and
 * are applied, none dead-lettered; an authorisation running to the last four-digit date lets the candidate book, and
 * the highest score is recorded and announced in a payload valid for renewal-service.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class UnusualValuesTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyUnusualValueIsAppliedAndNoneIsDeadLettered() {
        UUID sitting = ExamFixtures.sittingInDays(2, 10);
        List<UUID> candidates = new ArrayList<>();
        for (UnusualValues.Person person : UnusualValues.people(UUID.randomUUID().toString().substring(0, 8))) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            send(new CandidateRegistered(candidate, person.email(), person.givenName(), person.familyName(),
                    Instant.now()));
            send(new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "LICENCE_ANY_SUPERVISOR_24_MONTHS",
                    UnusualValues.LAST_DATE, Instant.now(), "LCSW", null));
        }
        for (UUID candidate : candidates) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                    "select count(*) from authorisation where candidate_id = ? and authorised_until = ?", candidate,
                    UnusualValues.LAST_DATE) == 1);
        }
        UUID booking = ExamFixtures.book(candidates.get(0), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));
        staff().contentType(ContentType.JSON)
                .body(Map.of("bookingId", booking.toString(), "scaledScore", UnusualValues.HIGHEST_SCORE))
                .post("/results").then().statusCode(201);
        String passed = TestDatabase.text("select payload from outbox_event where event_key = ? and type = ?",
                candidates.get(0).toString(), EventType.EXAM_PASSED.type());
        assertThat(EventCodec.validate(EventType.EXAM_PASSED, passed)).isEmpty();

        try (TopicProbe dlq = new TopicProbe(bootstrapServers, "certboard.exam.dlq")) {
            assertThat(dlq.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> candidates.stream().anyMatch(c -> c.toString().equals(r.key())))).isEmpty();
        }
    }

    private void send(EventPayload payload) {
        EventType type = EventType.of(payload);
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, payload.candidateId().toString(),
                EventCodec.toValidJson(payload), Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type.type(),
                        "ce_source", type.service().source(), "ce_subject", payload.candidateId().toString(),
                        "ce_time", Instant.now().toString(), "ce_specversion", "1.0"));
    }
}
