package org.certboard.renewal.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class CertificationResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void certificationsAreListedByCandidateAndReadByNumber() {
        LocalDate examDate = RenewalFixtures.today().minusDays(10);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = new RenewalFixtures(bootstrapServers).certify(candidate, examDate);

        RenewalFixtures.staff().queryParam("candidateId", candidate.toString()).queryParam("size", 5).get("/certifications")
                .then().statusCode(200).body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(5))
                .body("items[0].number", equalTo(number)).body("items[0].status", equalTo("ACTIVE"));
        RenewalFixtures.staff().get("/certifications/{n}", number).then().statusCode(200)
                .body("candidateId", equalTo(candidate.toString()))
                .body("firstCertifiedOn", equalTo(examDate.toString()))
                .body("cycleStartedOn", equalTo(examDate.toString()))
                .body("expiresOn", equalTo(examDate.plusYears(5).toString()));
        RenewalFixtures.staff().queryParam("candidateId", UUID.randomUUID().toString()).get("/certifications")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badQueriesAndUnknownNumbersAreProblems() {
        RenewalFixtures.staff().queryParam("candidateId", "not-a-uuid").get("/certifications").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("candidateId"));
        RenewalFixtures.staff().queryParam("size", 101).get("/certifications").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        RenewalFixtures.staff().get("/certifications/CCM-1999-000000").then().statusCode(404).contentType("application/problem+json");
        RenewalFixtures.staff().post("/certifications/CCM-1999-000000/retirement").then().statusCode(404);
        RenewalFixtures.staff().get("/verify/CCM-1999-000000").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void verificationShowsTheNameOnceKnownAndNothingElseAboutThePerson() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(20);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = board.certify(candidate, examDate);

        RenewalFixtures.staff().get("/verify/{n}", number).then().statusCode(200).body("name", equalTo(null));
        board.register(candidate, "Ada", "Lovelace");

        await().atMost(Duration.ofSeconds(30)).until(() -> "Ada Lovelace".equals(
                RenewalFixtures.staff().get("/verify/{n}", number).then().extract().path("name")));
        Map<String, Object> shown = RenewalFixtures.staff().get("/verify/{n}", number).then().statusCode(200).extract().as(Map.class);
        assertThat(shown).containsOnlyKeys("name", "credential", "status", "firstCertifiedOn", "validUntil")
                .containsEntry("credential", "Certified Case Manager (CCM)")
                .containsEntry("status", "ACTIVE")
                .containsEntry("firstCertifiedOn", examDate.toString())
                .containsEntry("validUntil", examDate.plusYears(5).toString());

        // a change of name counts; a stale event (older than the name held) does not
        board.send(new CandidateUpdated(candidate, "Ada", "King", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "Ada King".equals(
                RenewalFixtures.staff().get("/verify/{n}", number).then().extract().path("name")));
        UUID stale = UUID.randomUUID();
        board.send(new CandidateUpdated(candidate, "Ada", "Byron",
                Instant.now().minus(Duration.ofDays(400))), stale);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(
                TestDatabase.value("select count(*) from processed_event where event_id = ?", stale)));
        RenewalFixtures.staff().get("/verify/{n}", number).then().body("name", equalTo("Ada King"));
    }

    /** A paper applicant's profile claimed by the person's account (issue 21): their token reaches it from then on. */
    @Test
    void aClaimedPaperProfileIsReachedWithTheClaimingAccount() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(20);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.send(new CandidateRegistered(candidate, null, "Mary", "Seacole", Instant.now()));
        String number = board.certify(candidate, examDate);
        String token = TestTokens.token("claimer-" + candidate, Roles.CANDIDATE);

        board.send(new CandidateClaimed(candidate, "claimer-" + candidate, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/candidates/me/certifications").statusCode() == 200);
        io.restassured.RestAssured.given().auth().oauth2(token).get("/certifications/{n}", number).then()
                .statusCode(200).body("number", equalTo(number));
    }

    @Test
    void retiredStatusCanBeChosenAfterExpiryAndReactivatedByMeetingTheCriteria() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(40);
        UUID candidate = RenewalFixtures.candidate(false, examDate);
        String number = board.certify(candidate, examDate);

        RenewalFixtures.staff().post("/certifications/{n}/retirement", number).then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("retiredOn", equalTo(today.toString()));
        RenewalFixtures.staff().post("/certifications/{n}/retirement", number).then().statusCode(409);
        RenewalFixtures.staff().get("/verify/{n}", number).then().body("status", equalTo("RETIRED"));

        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .body("missing.requirement", hasItem("CE_HOURS"));
        RenewalFixtures.fullCe(number, today);
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .body("status", equalTo("RENEWED")).body("expiresOn", equalTo(today.plusYears(5).toString()));
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("status", equalTo("ACTIVE"))
                .body("cycleStartedOn", equalTo(today.toString()));
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> events = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_RENEWED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            TopicProbe.Received retired = probe.drain(Duration.ZERO).stream()
                    .filter(r -> candidate.toString().equals(r.key())
                            && EventType.CERTIFICATION_RETIRED.type().equals(r.header("ce_type")))
                    .findFirst().orElseThrow();
            assertThat(EventCodec.validate(EventType.CERTIFICATION_RETIRED, retired.value())).isEmpty();
            assertThat(retired.value()).contains("\"retiredOn\":\"" + today + "\"");
            assertThat(events.get(0).value()).contains("\"cycleStartedOn\":\"" + today + "\"")
                    .contains("\"late\":false");
        }
    }

    @Test
    void retiredStatusIsRefusedMoreThanNineMonthsAfterExpiry() {
        LocalDate examDate = RenewalFixtures.today().minusYears(5).minusMonths(10);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(examDate), examDate);

        RenewalFixtures.staff().post("/certifications/{n}/retirement", number).then().statusCode(422)
                .contentType("application/problem+json");
    }
}
