package org.certboard.renewal.recertification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.certboard.renewal.RenewalFixtures.candidate;
import static org.certboard.renewal.RenewalFixtures.credit;
import static org.certboard.renewal.RenewalFixtures.fullCe;
import static org.certboard.renewal.RenewalFixtures.staff;
import static org.certboard.renewal.RenewalFixtures.today;
import static org.hamcrest.Matchers.anyOf;
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
import java.util.function.Predicate;

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
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class RenewalResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void progressListsWhatIsMissingAndARenewalBeforeTheWindowIs422() {
        LocalDate examDate = today().minusYears(1);
        LocalDate expiry = examDate.plusYears(5);
        String number = certify(false, examDate);

        progress(number).statusCode(200)
                .body("requiredHours", equalTo(80)).body("earnedHours", equalTo(0))
                .body("requiredEthicsHours", equalTo(8)).body("earnedEthicsHours", equalTo(0))
                .body("windowOpensOn", equalTo(expiry.plusDays(1).minusMonths(3).toString()))
                .body("expiresOn", equalTo(expiry.toString())).body("canRenew", equalTo(false))
                .body("missing.requirement", containsInAnyOrder("RENEWAL_WINDOW", "CE_HOURS", "ETHICS_HOURS"));

        fullCe(number, today());
        renew(number).statusCode(422).contentType("application/problem+json")
                .body("missing.requirement", containsInAnyOrder("RENEWAL_WINDOW"))
                .body("missing[0].detail", startsWith("the renewal window opens on"));
        certificationOf(number).body("expiresOn", equalTo(expiry.toString()));
    }

    @Test
    void aRenewalInTheWindowStartsTheNextCycleAtTheOldExpiry() {
        LocalDate today = today();
        LocalDate examDate = today.minusYears(5).plusDays(30);
        LocalDate expiry = examDate.plusYears(5);
        String number = certify(false, examDate);
        credit(number, 40, false, today);
        credit(number, 40, false, today);

        progress(number).body("canRenew", equalTo(false))
                .body("missing.requirement", containsInAnyOrder("ETHICS_HOURS"));
        renew(number).statusCode(422).body("missing.requirement", containsInAnyOrder("ETHICS_HOURS"));

        credit(number, 8, true, today);
        progress(number).body("canRenew", equalTo(true))
                .body("earnedHours", equalTo(88.0f)).body("earnedEthicsHours", equalTo(8.0f));
        String location = renew(number).statusCode(201)
                .body("expiresOn", equalTo(expiry.plusYears(5).toString())).body("status", equalTo("RENEWED"))
                .body("late", equalTo(false)).extract().header("Location");
        staff().get(java.net.URI.create(location).getPath()).then().statusCode(200).body("method", equalTo("CE"));
        assertRenewed(number, expiry);
        // the next cycle's CE starts from zero
        progress(number).body("earnedHours", equalTo(0));
    }

    @Test
    void aLateRenewalInTheGracePeriodRestoresTheCycleWithoutAGap() {
        LocalDate examDate = today().minusYears(5).minusDays(10);
        LocalDate expiry = examDate.plusYears(5);
        String number = certify(false, examDate);
        fullCe(number, expiry.minusDays(20));

        renew(number).statusCode(201).body("late", equalTo(true))
                .body("expiresOn", equalTo(expiry.plusYears(5).toString()));
        certificationOf(number).body("status", equalTo("ACTIVE")).body("cycleStartedOn", equalTo(expiry.toString()));
    }

    @Test
    void afterTheGracePeriodRenewalIsRefused() {
        LocalDate examDate = today().minusYears(5).minusDays(45);
        LocalDate expiry = examDate.plusYears(5);
        String number = certify(false, examDate);

        renew(number).statusCode(422)
                .body("missing.requirement", hasItem(anyOf(equalTo("RENEWAL_WINDOW"), equalTo("STATUS"))));
        progress(number)
                .body("lateRenewalEndsOn", equalTo(expiry.plusDays(30).toString())).body("canRenew", equalTo(false));
    }

    @Test
    void anAuditedRenewalWaitsForStaffAndIsAppliedWhenAccepted() {
        LocalDate examDate = today().minusYears(5).plusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        UUID candidate = candidate(true, examDate);
        String number = board().certify(candidate, examDate);
        fullCe(number, today());

        String id = renew(number).statusCode(201)
                .body("status", equalTo("PENDING_AUDIT")).body("expiresOn", equalTo(expiry.plusYears(5).toString()))
                .extract().path("id");
        // announced in the submission's transaction, so that the certificant hears it waits for an audit
        String sampled = TestDatabase.text("select payload from outbox_event where type = ? and subject = ?",
                EventType.RENEWAL_SAMPLED_FOR_AUDIT.type(), candidate.toString());
        assertThat(EventCodec.validate(EventType.RENEWAL_SAMPLED_FOR_AUDIT, sampled)).isEmpty();
        assertThat(sampled).contains("\"renewalId\":\"" + id + "\"").contains("\"number\":\"" + number + "\"");
        certificationOf(number).body("expiresOn", equalTo(expiry.toString()));
        progress(number).body("pendingAuditId", equalTo(id)).body("canRenew", equalTo(false));
        renew(number).statusCode(422).body("missing.requirement", hasItem("STATUS"));

        audit(number, id, Map.of("accepted", false)).statusCode(400).body("violations.field", hasItem("reason"));
        audit(number, id, Map.of("reason", "x")).statusCode(400).body("violations.field", hasItem("accepted"));
        audit(number, UUID.randomUUID().toString(), Map.of("accepted", true)).statusCode(404);
        audit(number, id, Map.of("accepted", true, "reason", "certificates on file")).statusCode(200)
                .body("status", equalTo("RENEWED"));
        audit(number, id, Map.of("accepted", true)).statusCode(409);
        assertRenewed(number, expiry);
    }

    @Test
    void aRejectedAuditLeavesTheCertificationAsItWas() {
        LocalDate examDate = today().minusYears(5).plusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        String number = certify(true, examDate);
        String id = submitForAudit(number);

        audit(number, id, Map.of("accepted", false, "reason", "no attendance certificates")).statusCode(200)
                .body("status", equalTo("REJECTED")).body("auditReason", equalTo("no attendance certificates"));
        certificationOf(number).body("expiresOn", equalTo(expiry.toString()))
                .body("cycleStartedOn", equalTo(examDate.toString()));
    }

    @Test
    void aLicenceBasedCertificantNeedsACurrentLicence() {
        RenewalFixtures board = board();
        LocalDate today = today();
        LocalDate examDate = today.minusYears(5).plusDays(50);
        UUID candidate = candidate(false, examDate);
        String number = board.certify(candidate, examDate);
        board.send(new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "LICENCE_RN", today.plusYears(1),
                Instant.now()));
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY", today.minusDays(1), true));
        fullCe(number, today);

        awaitProgress(number, progress -> progress.getList("missing.requirement").contains("LICENCE"));
        renew(number).statusCode(422).body("missing.requirement", containsInAnyOrder("LICENCE"));

        renewsOnceRecorded(board, number, new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY",
                today.plusYears(2), true));
    }

    @Test
    void theLicenceMustBeACurrentOneOfTheKindEligibilityRestedOn() {
        RenewalFixtures board = board();
        LocalDate today = today();
        LocalDate examDate = today.minusYears(5).plusDays(50);
        UUID candidate = candidate(false, examDate);
        String number = board.certify(candidate, examDate);
        board.send(new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "LICENCE_ANY_SUPERVISOR_24_MONTHS",
                today.plusYears(1), Instant.now(), "RN", null));
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY", today.minusDays(1), true));
        // current, but of another type, and an RN licence that does not allow independent practice: neither counts
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "LCSW", "NY", today.plusYears(3), true));
        board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NJ", today.plusYears(3), false));
        fullCe(number, today);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from candidate where candidate_id = ? and licence_expires_on = ?", candidate,
                today.plusYears(3)) == 1);
        progress(number).statusCode(200).body("missing.requirement", containsInAnyOrder("LICENCE"));
        renew(number).statusCode(422).body("missing.requirement", containsInAnyOrder("LICENCE"));

        renewsOnceRecorded(board, number, new LicenceRecorded(candidate, UUID.randomUUID(), "rn", "PA",
                today.plusYears(2), true));
    }

    @Test
    void unknownNumbersAre404() {
        progress("CCM-1999-000001").statusCode(404).contentType("application/problem+json");
        renew("CCM-1999-000001").statusCode(404);
    }

    @Test
    void anAuditDecisionNeedsTheETagOfTheRenewalAsRead() {
        LocalDate examDate = today().minusYears(5).plusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        String number = certify(true, examDate);
        String id = submitForAudit(number);
        String read = etag(number, id);
        Map<String, Object> accept = Map.of("accepted", true);

        audit(number, id, null, accept).statusCode(428).contentType("application/problem+json")
                .body("type", endsWith("/precondition-required"));
        audit(number, id, "\"41\"", accept).statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("/precondition-failed")).body("currentETag", equalTo(read));
        // refused, nothing changed: still awaiting its audit, the certification in its cycle, the same tag
        renewal(number, id).statusCode(200)
                .header("ETag", read).body("status", equalTo("PENDING_AUDIT")).body("auditedBy", nullValue());
        certificationOf(number).body("expiresOn", equalTo(expiry.toString()));

        String decided = audit(number, id, read, accept).statusCode(200).body("status", equalTo("RENEWED"))
                .header("ETag", not(equalTo(read))).extract().header("ETag");
        assertThat(etag(number, id)).isEqualTo(decided);
        certificationOf(number).body("expiresOn", equalTo(expiry.plusYears(5).toString()));
        // a second staff member deciding on what they read before: stale, not silently decided again
        audit(number, id, read, Map.of("accepted", false, "reason", "no certificates")).statusCode(412)
                .body("currentETag", equalTo(decided));
    }

    private RenewalFixtures board() {
        return new RenewalFixtures(bootstrapServers);
    }

    /** Certifies a new candidate whose renewal of the first cycle is (or is not) sampled for audit; the number. */
    private String certify(boolean audited, LocalDate examDate) {
        return board().certify(candidate(audited, examDate), examDate);
    }

    /** Logs full CE today and submits the renewal that the candidate's sampling sends to audit; the renewal's id. */
    private static String submitForAudit(String number) {
        fullCe(number, today());
        return renew(number).statusCode(201).extract().path("id");
    }

    /** Once the licence is consumed the certificant can renew, and does. */
    private static void renewsOnceRecorded(RenewalFixtures board, String number, LicenceRecorded licence) {
        board.send(licence);
        awaitProgress(number, progress -> progress.getBoolean("canRenew"));
        renew(number).statusCode(201).body("id", notNullValue());
    }

    /** ACTIVE, the next cycle running from the old expiry for a cycle's length. */
    private static void assertRenewed(String number, LocalDate oldExpiry) {
        certificationOf(number).body("status", equalTo("ACTIVE"))
                .body("cycleStartedOn", equalTo(oldExpiry.toString()))
                .body("expiresOn", equalTo(oldExpiry.plusYears(5).toString()));
    }

    private static ValidatableResponse progress(String number) {
        return staff().get("/certifications/{n}/renewal", number).then();
    }

    /** Waits for the progress to show what an event consumed in the background changed. */
    private static void awaitProgress(String number, Predicate<JsonPath> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> until.test(progress(number).extract().jsonPath()));
    }

    private static ValidatableResponse renew(String number) {
        return staff().post("/certifications/{n}/renewals", number).then();
    }

    private static ValidatableResponse certificationOf(String number) {
        return staff().get("/certifications/{n}", number).then();
    }

    private static ValidatableResponse renewal(String number, String id) {
        return staff().get("/certifications/{n}/renewals/{id}", number, id).then();
    }

    /** The renewal's current ETag, as staff read it. */
    private static String etag(String number, String id) {
        return renewal(number, id).statusCode(200).header("ETag", matchesPattern("\"\\d+\"")).extract().header("ETag");
    }

    /** A decision on the version of the renewal just read (unknown renewals: without If-Match, they are 404). */
    private static ValidatableResponse audit(String number, String id, Map<String, ?> body) {
        return audit(number, id, renewal(number, id).extract().header("ETag"), body);
    }

    private static ValidatableResponse audit(String number, String id, String ifMatch, Map<String, ?> body) {
        var request = staff().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/certifications/{n}/renewals/{id}/audit", number, id).then();
    }
}
