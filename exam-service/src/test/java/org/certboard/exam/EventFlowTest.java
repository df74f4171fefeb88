package org.certboard.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Against the real broker: authorised by an event, book, pass, and exactly one ExamPassed on the wire. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class EventFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** In CCM and in ACM: the authorisation, the booking and the ExamPassed are the window's program's. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "CCM", "ACM" })
    void aCandidateAuthorisedByAnEventBooksAndAPassPublishesExactlyOneExamPassed(String program) {
        UUID candidate = UUID.randomUUID();
        LocalDate today = SandboxClock.today();
        UUID sitting = ExamFixtures.sitting(ExamFixtures.window(program, today, today.plusDays(30), null),
                ExamFixtures.noon(today.plusDays(3)), 5);
        LocalDate until = today.plusYears(1);
        send(EventType.ELIGIBILITY_DECIDED, candidate, new EligibilityDecided(candidate, UUID.randomUUID(),
                "APPROVED", "A", until, Instant.now(), null, null, program));
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from authorisation where candidate_id = ? and program = ?", candidate, program) == 1);

        UUID booking = ExamFixtures.book(candidate, sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", booking.toString(), "scaledScore", 612))
                .post("/results").then().statusCode(201).body("passed", equalTo(true));

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.EXAM_EVENTS)) {
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.EXAM_PASSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            List<TopicProbe.Received> passed = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> candidate.toString().equals(r.key())
                            && EventType.EXAM_PASSED.type().equals(r.header("ce_type")))
                    .toList();
            assertThat(passed).singleElement().satisfies(event -> {
                assertThat(event.header("ce_source")).isEqualTo("/certboard/exam");
                assertThat(event.header("ce_subject")).isEqualTo(candidate.toString());
                assertThat(event.header("ce_id")).isNotBlank();
                assertThat(event.header("ce_time")).isNotBlank();
                assertThat(EventCodec.validate(EventType.EXAM_PASSED, event.value())).isEmpty();
                ExamPassed data = EventCodec.read(EventType.EXAM_PASSED, event.value());
                assertThat(data).isEqualTo(new ExamPassed(candidate, booking,
                        LocalDate.ofInstant(ExamFixtures.startsAt(sitting), SandboxClock.ZONE), 612,
                        new org.certboard.events.Actor("staff-functional-tests", "staff"), program));
                assertThat(event.value()).contains("\"program\":\"" + program + "\"");
            });
        }
    }

    @Test
    void aRedeliveredDecisionHasOneEffectAndAnOlderOneIsIgnored() {
        UUID candidate = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        Instant decidedAt = Instant.now();
        LocalDate until = SandboxClock.today().plusYears(1);
        decide(candidate, approval, "APPROVED", until, decidedAt);
        decide(candidate, approval, "APPROVED", until, decidedAt);
        decide(candidate, UUID.randomUUID(), "DENIED", null, decidedAt.minusSeconds(60));
        UUID marker = UUID.randomUUID();
        decide(candidate, marker, "UNDER_REVIEW", null, decidedAt.minusSeconds(30));

        // one key, one partition: once the marker is recorded, everything sent before it was consumed
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from processed_event where event_id = ?", marker) == 1);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", approval)).isEqualTo(1);
        assertThat(TestDatabase.text("select status || ' ' || authorised_until from authorisation where candidate_id = ?",
                candidate)).isEqualTo("APPROVED " + until);

        decide(candidate, UUID.randomUUID(), "WITHDRAWN", null, decidedAt.plusSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> "WITHDRAWN".equals(TestDatabase.text(
                "select status from authorisation where candidate_id = ?", candidate)));
        staff().contentType(ContentType.JSON)
                .body(Map.of("candidateId", candidate.toString(), "sittingId", ExamFixtures.sittingInDays(3, 5).toString()))
                .post("/bookings").then().statusCode(403);
    }

    @Test
    void aRegistrationTellsWhichAccountIsTheCandidate() {
        UUID candidate = UUID.randomUUID();
        String token = TestTokens.token("account-" + candidate, Roles.CANDIDATE);
        io.restassured.RestAssured.given().auth().oauth2(token).get("/candidates/me/bookings").then().statusCode(503);

        String data = EventCodec.toJson(new CandidateRegistered(candidate, "account-" + candidate, "Ada", "Lovelace",
                Instant.now()));
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate.toString(), data, Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.CANDIDATE_REGISTERED.type(),
                "ce_source", "/certboard/candidate", "ce_subject", candidate.toString(),
                "ce_time", Instant.now().toString(), "ce_specversion", "1.0"));

        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/candidates/me/bookings").statusCode() == 200);
        org.certboard.exam.support.Database.authorise(List.of(candidate), SandboxClock.today().plusYears(1));
        UUID booking = ExamFixtures.book(candidate, ExamFixtures.sittingInDays(10, 3));
        io.restassured.RestAssured.given().auth().oauth2(token).get("/bookings/{id}", booking).then().statusCode(200)
                .body("candidateId", equalTo(candidate.toString()));
    }

    /** A paper applicant (registered by staff, no account) whose profile the person's account claims later. */
    @Test
    void aClaimTellsWhichAccountIsThePaperApplicant() {
        UUID candidate = UUID.randomUUID();
        String token = TestTokens.token("claimer-" + candidate, Roles.CANDIDATE);
        send(EventType.CANDIDATE_REGISTERED, candidate, new CandidateRegistered(candidate, null, "Ada", "Lovelace",
                Instant.now()));
        send(EventType.CANDIDATE_CLAIMED, candidate, new CandidateClaimed(candidate, "claimer-" + candidate,
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/candidates/me/bookings").statusCode() == 200);
        assertThat(org.certboard.devstack.testing.TestDatabase.text(
                "select subject from candidate_account where candidate_id = ?", candidate))
                .isEqualTo("claimer-" + candidate);
    }

    private void send(EventType type, UUID candidate, org.certboard.events.EventPayload event) {
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate.toString(), EventCodec.toJson(event),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type.type(), "ce_source",
                        "/certboard/candidate", "ce_subject", candidate.toString(), "ce_time",
                        Instant.now().toString(), "ce_specversion", "1.0"));
    }

    private void decide(UUID candidate, UUID eventId, String status, LocalDate until, Instant decidedAt) {
        String data = EventCodec.toJson(new EligibilityDecided(candidate, UUID.randomUUID(), status, "A", until,
                decidedAt));
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate.toString(), data, Map.of(
                "ce_id", eventId.toString(), "ce_type", EventType.ELIGIBILITY_DECIDED.type(),
                "ce_source", "/certboard/candidate", "ce_subject", candidate.toString(),
                "ce_time", Instant.now().toString(), "ce_specversion", "1.0"));
    }
}
