package org.certboard.renewal.recertification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class RenewalResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void progressListsWhatIsMissingAndARenewalBeforeTheWindowIs422() {
        LocalDate examDate = RenewalFixtures.today().minusYears(1);
        LocalDate expiry = examDate.plusYears(5);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(examDate), examDate);

        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().statusCode(200)
                .body("requiredHours", equalTo(80)).body("earnedHours", equalTo(0))
                .body("requiredEthicsHours", equalTo(8)).body("earnedEthicsHours", equalTo(0))
                .body("windowOpensOn", equalTo(expiry.plusDays(1).minusMonths(3).toString()))
                .body("expiresOn", equalTo(expiry.toString())).body("canRenew", equalTo(false))
                .body("missing.requirement", containsInAnyOrder("RENEWAL_WINDOW", "CE_HOURS", "ETHICS_HOURS"));

        RenewalFixtures.fullCe(number, RenewalFixtures.today());
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .contentType("application/problem+json")
                .body("missing.requirement", containsInAnyOrder("RENEWAL_WINDOW"))
                .body("missing[0].detail", startsWith("the renewal window opens on"));
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("expiresOn", equalTo(expiry.toString()));
    }

    @Test
    void aRenewalInTheWindowStartsTheNextCycleAtTheOldExpiry() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(30);
        LocalDate expiry = examDate.plusYears(5);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(false, examDate), examDate);
        RenewalFixtures.credit(number, 40, false, today);
        RenewalFixtures.credit(number, 40, false, today);

        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then()
                .body("canRenew", equalTo(false)).body("missing.requirement", containsInAnyOrder("ETHICS_HOURS"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .body("missing.requirement", containsInAnyOrder("ETHICS_HOURS"));

        RenewalFixtures.credit(number, 8, true, today);
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().body("canRenew", equalTo(true))
                .body("earnedHours", equalTo(88.0f)).body("earnedEthicsHours", equalTo(8.0f));
        String location = RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .body("expiresOn", equalTo(expiry.plusYears(5).toString())).body("status", equalTo("RENEWED"))
                .body("late", equalTo(false)).extract().header("Location");
        RenewalFixtures.staff().get(URI(location)).then().statusCode(200).body("method", equalTo("CE"));
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("status", equalTo("ACTIVE"))
                .body("cycleStartedOn", equalTo(expiry.toString()))
                .body("expiresOn", equalTo(expiry.plusYears(5).toString()));
        // the next cycle's CE starts from zero
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().body("earnedHours", equalTo(0));
    }

    @Test
    void aLateRenewalInTheGracePeriodRestoresTheCycleWithoutAGap() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(10);
        LocalDate expiry = examDate.plusYears(5);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(false, examDate), examDate);
        RenewalFixtures.fullCe(number, expiry.minusDays(20));

        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201).body("late", equalTo(true))
                .body("expiresOn", equalTo(expiry.plusYears(5).toString()));
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("status", equalTo("ACTIVE"))
                .body("cycleStartedOn", equalTo(expiry.toString()));
    }

    @Test
    void afterTheGracePeriodRenewalIsRefused() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(45);
        LocalDate expiry = examDate.plusYears(5);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(false, examDate), examDate);

        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .body("missing.requirement", hasItem(org.hamcrest.Matchers.anyOf(equalTo("RENEWAL_WINDOW"),
                        equalTo("STATUS"))));
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then()
                .body("lateRenewalEndsOn", equalTo(expiry.plusDays(30).toString())).body("canRenew", equalTo(false));
    }

    @Test
    void anAuditedRenewalWaitsForStaffAndIsAppliedWhenAccepted() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        UUID candidate = RenewalFixtures.candidate(true, examDate);
        String number = new RenewalFixtures(bootstrapServers).certify(candidate, examDate);
        RenewalFixtures.fullCe(number, today);

        String id = RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .body("status", equalTo("PENDING_AUDIT")).body("expiresOn", equalTo(expiry.plusYears(5).toString()))
                .extract().path("id");
        // announced in the submission's transaction, so that the certificant hears it waits for an audit
        String sampled = TestDatabase.text("select payload from outbox_event where type = ? and subject = ?",
                EventType.RENEWAL_SAMPLED_FOR_AUDIT.type(), candidate.toString());
        assertThat(EventCodec.validate(EventType.RENEWAL_SAMPLED_FOR_AUDIT, sampled)).isEmpty();
        assertThat(sampled).contains("\"renewalId\":\"" + id + "\"").contains("\"number\":\"" + number + "\"");
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("expiresOn", equalTo(expiry.toString()));
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().body("pendingAuditId", equalTo(id))
                .body("canRenew", equalTo(false));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .body("missing.requirement", hasItem("STATUS"));

        audit(number, id, Map.of("accepted", false)).statusCode(400).body("violations.field", hasItem("reason"));
        audit(number, id, Map.of("reason", "x")).statusCode(400).body("violations.field", hasItem("accepted"));
        audit(number, UUID.randomUUID().toString(), Map.of("accepted", true)).statusCode(404);
        audit(number, id, Map.of("accepted", true, "reason", "certificates on file")).statusCode(200)
                .body("status", equalTo("RENEWED"));
        audit(number, id, Map.of("accepted", true)).statusCode(409);
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("status", equalTo("ACTIVE"))
                .body("cycleStartedOn", equalTo(expiry.toString()))
                .body("expiresOn", equalTo(expiry.plusYears(5).toString()));
    }

    @Test
    void aRejectedAuditLeavesTheCertificationAsItWas() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(true, examDate), examDate);
        RenewalFixtures.fullCe(number, today);
        String id = RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .extract().path("id");

        audit(number, id, Map.of("accepted", false, "reason", "no attendance certificates")).statusCode(200)
                .body("status", equalTo("REJECTED")).body("auditReason", equalTo("no attendance certificates"));
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("expiresOn", equalTo(expiry.toString()))
                .body("cycleStartedOn", equalTo(examDate.toString()));
    }

    @Test
    void aLicenceBasedCertificantNeedsACurrentLicence() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(50);
        UUID candidate = RenewalFixtures.candidate(false, examDate);
        String number = board.certify(candidate, examDate);
        board.send(new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "LICENCE_RN", today.plusYears(1),
                Instant.now()));
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY", today.minusDays(1), true));
        RenewalFixtures.fullCe(number, today);

        await().atMost(Duration.ofSeconds(30)).until(() -> RenewalFixtures.staff().get("/certifications/{n}/renewal", number)
                .then().extract().jsonPath().getList("missing.requirement").contains("LICENCE"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .body("missing.requirement", containsInAnyOrder("LICENCE"));

        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY", today.plusYears(2), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> RenewalFixtures.staff().get("/certifications/{n}/renewal", number)
                .then().extract().<Boolean>path("canRenew"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201).body("id", notNullValue());
    }

    @Test
    void theLicenceMustBeACurrentOneOfTheKindEligibilityRestedOn() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(50);
        UUID candidate = RenewalFixtures.candidate(false, examDate);
        String number = board.certify(candidate, examDate);
        board.send(new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "LICENCE_ANY_SUPERVISOR_24_MONTHS",
                today.plusYears(1), Instant.now(), "RN", null));
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY", today.minusDays(1), true));
        // current, but of another type, and an RN licence that does not allow independent practice: neither counts
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "LCSW", "NY", today.plusYears(3), true));
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NJ", today.plusYears(3), false));
        RenewalFixtures.fullCe(number, today);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from candidate where candidate_id = ? and licence_expires_on = ?", candidate,
                today.plusYears(3)) == 1);
        RenewalFixtures.staff().get("/certifications/{n}/renewal", number).then().statusCode(200)
                .body("missing.requirement", containsInAnyOrder("LICENCE"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(422)
                .body("missing.requirement", containsInAnyOrder("LICENCE"));

        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "rn", "PA", today.plusYears(2), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> RenewalFixtures.staff().get("/certifications/{n}/renewal", number)
                .then().extract().<Boolean>path("canRenew"));
        RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201).body("id", notNullValue());
    }

    @Test
    void unknownNumbersAre404() {
        RenewalFixtures.staff().get("/certifications/CCM-1999-000001/renewal").then().statusCode(404)
                .contentType("application/problem+json");
        RenewalFixtures.staff().post("/certifications/CCM-1999-000001/renewals").then().statusCode(404);
    }

    @Test
    void anAuditDecisionNeedsTheETagOfTheRenewalAsRead() {
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        String number = new RenewalFixtures(bootstrapServers).certify(RenewalFixtures.candidate(true, examDate), examDate);
        RenewalFixtures.fullCe(number, today);
        String id = RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                .extract().path("id");
        String read = etag(number, id);
        Map<String, Object> accept = Map.of("accepted", true);

        audit(number, id, null, accept).statusCode(428).contentType("application/problem+json")
                .body("type", endsWith("/precondition-required"));
        audit(number, id, "\"41\"", accept).statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("/precondition-failed")).body("currentETag", equalTo(read));
        // refused, nothing changed: still awaiting its audit, the certification in its cycle, the same tag
        RenewalFixtures.staff().get("/certifications/{n}/renewals/{id}", number, id).then().statusCode(200)
                .header("ETag", read).body("status", equalTo("PENDING_AUDIT")).body("auditedBy", nullValue());
        RenewalFixtures.staff().get("/certifications/{n}", number).then().body("expiresOn", equalTo(expiry.toString()));

        String decided = audit(number, id, read, accept).statusCode(200).body("status", equalTo("RENEWED"))
                .header("ETag", not(equalTo(read))).extract().header("ETag");
        assertThat(etag(number, id)).isEqualTo(decided);
        RenewalFixtures.staff().get("/certifications/{n}", number).then()
                .body("expiresOn", equalTo(expiry.plusYears(5).toString()));
        // a second staff member deciding on what they read before: stale, not silently decided again
        audit(number, id, read, Map.of("accepted", false, "reason", "no certificates")).statusCode(412)
                .body("currentETag", equalTo(decided));
    }

    /** The renewal's current ETag, as staff read it. */
    private static String etag(String number, String id) {
        return RenewalFixtures.staff().get("/certifications/{n}/renewals/{id}", number, id).then().statusCode(200)
                .header("ETag", matchesPattern("\"\\d+\"")).extract().header("ETag");
    }

    /** A decision on the version of the renewal just read (unknown renewals: without If-Match, they are 404). */
    private static io.restassured.response.ValidatableResponse audit(String number, String id, Map<String, ?> body) {
        String current = RenewalFixtures.staff().get("/certifications/{n}/renewals/{id}", number, id).header("ETag");
        return audit(number, id, current, body);
    }

    private static io.restassured.response.ValidatableResponse audit(String number, String id, String ifMatch,
            Map<String, ?> body) {
        var request = RenewalFixtures.staff().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/certifications/{n}/renewals/{id}/audit", number, id).then();
    }

    private static String URI(String location) {
        return java.net.URI.create(location).getPath();
    }
}
