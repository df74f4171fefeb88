package org.certboard.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.Actor;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.support.ExamFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A program that exists only in this test's configuration (TPX: pass mark 600, one attempt) runs end to end: the
 * authorisation from an EligibilityDecided of TPX, a booking, results scored on TPX's pass mark, and ExamPassed and
 * ExamFailed naming TPX on the broker. No code names TPX: a board adds a program by configuration alone.
 */
@QuarkusTest
@TestProfile(ThirdProgramTest.ThirdProgram.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ThirdProgramTest {
    private static final Actor STAFF = new Actor("staff-functional-tests", "staff");

    /** TPX beside the CCM and ACM of the test configuration. */
    public static class ThirdProgram implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.programs.TPX.name", "Test Program X (TPX)",
                    "certboard.programs.TPX.exam.pass-mark", "600",
                    "certboard.programs.TPX.exam.retakes.max-attempts", "1");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aProgramDefinedOnlyInConfigurationRunsEndToEnd() {
        LocalDate today = SandboxClock.today();
        UUID passer = UUID.randomUUID();
        UUID failer = UUID.randomUUID();
        for (UUID candidate : List.of(passer, failer)) {
            decide(candidate, new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "A",
                    today.plusYears(1), Instant.now(), null, null, "TPX"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from authorisation where candidate_id in (?, ?) and program = 'TPX'", passer,
                failer) == 2);

        UUID window = ExamFixtures.window("TPX", today, today.plusDays(10), null);
        staff().get("/windows/" + window).then().statusCode(200).body("program", equalTo("TPX"));
        UUID sitting = ExamFixtures.sitting(window, ExamFixtures.noon(today.plusDays(3)), 5);
        UUID later = ExamFixtures.sitting(ExamFixtures.window("TPX", today.plusDays(20), today.plusDays(30), null),
                ExamFixtures.noon(today.plusDays(25)), 5);
        UUID passed = ExamFixtures.book(passer, sitting);
        UUID failed = ExamFixtures.book(failer, sitting);
        staff().get("/bookings/" + passed).then().statusCode(200).body("program", equalTo("TPX"));
        // authorised for TPX only: a CCM sitting needs a CCM authorisation
        staff().contentType(ContentType.JSON).body(Map.of("candidateId", passer.toString(),
                "sittingId", ExamFixtures.sittingInDays(4, 5).toString()))
                .post("/bookings").then().statusCode(403).body("detail", containsString("no CCM eligibility"));

        SandboxClock.passTime(ExamFixtures.startsAt(sitting));
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", passed.toString(), "scaledScore", 600))
                .post("/results").then().statusCode(201).body("passed", equalTo(true))
                .body("program", equalTo("TPX"));
        // 599 passes CCM (500) and fails TPX (600)
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", failed.toString(), "scaledScore", 599))
                .post("/results").then().statusCode(201).body("passed", equalTo(false))
                .body("program", equalTo("TPX"));
        // one attempt in TPX
        staff().contentType(ContentType.JSON).body(Map.of("candidateId", failer.toString(),
                "sittingId", later.toString()))
                .post("/bookings").then().statusCode(422).body("title", equalTo("Attempts exhausted"));

        LocalDate examDate = today.plusDays(3);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.EXAM_EVENTS)) {
            List<TopicProbe.Received> outcomes = probe.await(r -> (passer.toString().equals(r.key())
                    && EventType.EXAM_PASSED.type().equals(r.header("ce_type")))
                    || (failer.toString().equals(r.key())
                            && EventType.EXAM_FAILED.type().equals(r.header("ce_type"))), 2, Duration.ofSeconds(30));
            for (TopicProbe.Received outcome : outcomes) {
                EventType type = EventType.ofType(outcome.header("ce_type")).orElseThrow();
                assertThat(EventCodec.validate(type, outcome.value())).isEmpty();
            }
            assertThat(outcomes).extracting(r -> r.key().equals(passer.toString())
                    ? EventCodec.read(EventType.EXAM_PASSED, r.value())
                    : EventCodec.read(EventType.EXAM_FAILED, r.value()))
                    .containsExactlyInAnyOrder(
                            new ExamPassed(passer, passed, examDate, 600, STAFF, "TPX"),
                            new ExamFailed(failer, failed, examDate, 599, false, STAFF, "TPX"));
        }
    }

    private void decide(UUID candidate, EligibilityDecided decision) {
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate.toString(),
                EventCodec.toValidJson(decision), Map.of("ce_id", UUID.randomUUID().toString(),
                        "ce_type", EventType.ELIGIBILITY_DECIDED.type(), "ce_source", "/certboard/candidate",
                        "ce_subject", candidate.toString(), "ce_time", Instant.now().toString(),
                        "ce_specversion", "1.0"));
    }
}
