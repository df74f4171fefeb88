package org.certboard.candidate.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.certboard.devstack.testing.TestDatabase;
import org.certboard.candidate.Api;
import org.certboard.candidate.Database;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class ApplicationResourceTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String DECIDED = "org.certboard.candidate.EligibilityDecided.v1";

    @Test
    void aClearCaseIsApprovedAutomatically() {
        String candidate = Api.eligibleCandidate();
        var created = Api.submit(candidate).statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("pathway", equalTo("LICENCE_SUPERVISED_BY_CCM_12_MONTHS"))
                .body("authorisedUntil", equalTo(SandboxClock.today().plusMonths(12).toString()))
                .body("submittedOn", equalTo(SandboxClock.today().toString()))
                .body("checks.rule", hasItems("LICENCE", "DEGREE", "EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS",
                        "EXPERIENCE_ANY_SUPERVISOR_24_MONTHS", "EXPERIENCE_SUPERVISOR_12_MONTHS", "ATTESTATION"))
                .body("checks.find { it.rule == 'LICENCE' }.passed", equalTo(true))
                .body("checks.find { it.rule == 'DEGREE' }.passed", equalTo(false))
                .extract();
        String applicationId = created.path("id");
        assertThat(created.header("Location")).endsWith("/applications/" + applicationId);

        staff().get("/candidates/{id}/application", candidate).then().statusCode(200)
                .body("id", equalTo(applicationId)).body("status", equalTo("APPROVED"));
        staff().get("/applications/{id}", applicationId).then().statusCode(200).body("candidateId", equalTo(candidate));
        staff().get("/candidates/{id}", candidate).then().statusCode(200)
                .body("application.id", equalTo(applicationId));
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(1);
    }

    @Test
    void aSecondSubmissionWhileApprovedOrUnderReviewIsAConflict() {
        String approved = Api.eligibleCandidate();
        Api.submit(approved).statusCode(201).body("status", equalTo("APPROVED"));
        Api.submit(approved).statusCode(409).contentType(PROBLEM).body("status", equalTo(409));

        String underReview = selfEmployedCandidate();
        Api.submit(underReview).statusCode(201).body("status", equalTo("UNDER_REVIEW"));
        Api.submit(underReview).statusCode(409).contentType(PROBLEM);
        assertThat(TestDatabase.count("select count(*) from application where candidate_id::text in (?, ?)", approved,
                underReview)).isEqualTo(2);
    }

    @Test
    void anApprovalWhoseAuthorisationHasEndedNoLongerBlocksANewApplication() {
        // Dated from the board's today at the time of the test, and still valid 13 months later: the clock is shared
        // by the test JVM and only moves forward.
        java.time.LocalDate today = SandboxClock.today();
        String candidate = Api.register();
        Api.addLicence(candidate, "RN", today.plusYears(3));
        Api.addExperience(candidate, 13, false);
        String first = Api.submit(candidate).statusCode(201).body("status", equalTo("APPROVED"))
                .body("authorisedUntil", equalTo(today.plusMonths(12).toString())).extract().path("id");
        Api.submit(candidate).statusCode(409).contentType(PROBLEM);

        // past the 12-month authorisation
        SandboxClock.advance(Duration.ofDays(400));
        java.time.LocalDate later = SandboxClock.today();
        assertThat(later).isAfter(today.plusMonths(12));

        String second = Api.submit(candidate).statusCode(201).body("status", equalTo("APPROVED"))
                .body("submittedOn", equalTo(later.toString()))
                .body("authorisedUntil", equalTo(later.plusMonths(12).toString())).extract().path("id");
        assertThat(second).isNotEqualTo(first);
        staff().get("/candidates/{id}/application", candidate).then().statusCode(200).body("id", equalTo(second));
        staff().get("/applications/{id}", first).then().body("status", equalTo("APPROVED"))
                .body("authorisedUntil", equalTo(today.plusMonths(12).toString()));
        // The new approval authorises again, so it blocks a further submission.
        Api.submit(candidate).statusCode(409).contentType(PROBLEM);
        assertThat(TestDatabase.count("select count(*) from application where candidate_id::text = ?", candidate))
                .isEqualTo(2);
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(2);
    }

    /** ACM's eligibility is CCM's by default: the same file is approved by ACM's pathways, as ACM's application. */
    @Test
    void aPersonWithAnOpenCcmApplicationAppliesToAcmOnceAndEachProgramKeepsItsOwn() {
        String candidate = Api.eligibleCandidate();
        String ccm = Api.submit(candidate).statusCode(201).body("program", equalTo("CCM")).extract().path("id");

        var acm = Api.submit(candidate, "ACM").statusCode(201)
                .body("program", equalTo("ACM"))
                .body("status", equalTo("APPROVED"))
                .body("pathway", equalTo("LICENCE_SUPERVISED_BY_CCM_12_MONTHS"))
                .body("authorisedUntil", equalTo(SandboxClock.today().plusMonths(12).toString()))
                .body("checks.find { it.rule == 'EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS' }.detail",
                        containsString("(12 required)"))
                .extract();
        String acmId = acm.path("id");
        assertThat(acm.header("Location")).endsWith("/applications/" + acmId);
        Api.submit(candidate, "ACM").statusCode(409).contentType(PROBLEM).body("detail", containsString("ACM"));
        Api.submit(candidate, "CCM").statusCode(409).contentType(PROBLEM);
        Api.submit(candidate).statusCode(409).contentType(PROBLEM);

        staff().get("/candidates/{id}/applications/{program}", candidate, "ACM").then().statusCode(200)
                .body("id", equalTo(acmId)).header("ETag", equalTo(Api.applicationETag(acmId)));
        staff().get("/candidates/{id}/applications/{program}", candidate, "CCM").then().statusCode(200)
                .body("id", equalTo(ccm));
        staff().get("/candidates/{id}/application", candidate).then().statusCode(200).body("id", equalTo(ccm))
                .body("program", equalTo("CCM"));
        staff().get("/applications/{id}", acmId).then().statusCode(200).body("program", equalTo("ACM"));
        staff().get("/candidates/{id}", candidate).then().statusCode(200)
                .body("application.id", equalTo(ccm))
                .body("applications.program", contains("ACM", "CCM"))
                .body("applications.id", contains(acmId, ccm));
        assertThat(TestDatabase.count("select count(*) from application where candidate_id::text = ? and program = ?",
                candidate, "ACM")).isEqualTo(1);
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(2);
    }

    /** Under review in ACM: a second ACM application is refused, staff approve it for ACM's period. */
    @Test
    void anAcmApplicationUnderReviewBlocksOnlyAcmAndStaffApproveItForAcm() {
        String candidate = selfEmployedCandidate();
        String application = Api.submit(candidate, "ACM").statusCode(201).body("status", equalTo("UNDER_REVIEW"))
                .body("proposedPathway", equalTo("LICENCE_SUPERVISED_BY_CCM_12_MONTHS")).extract().path("id");
        Api.submit(candidate, "ACM").statusCode(409).contentType(PROBLEM);
        Api.submit(candidate).statusCode(201).body("program", equalTo("CCM")).body("status", equalTo("UNDER_REVIEW"));

        decide(application, "APPROVE", "billable hours confirmed").statusCode(200)
                .body("program", equalTo("ACM")).body("status", equalTo("APPROVED"))
                .body("authorisedUntil", equalTo(SandboxClock.today().plusMonths(12).toString()));
        staff().get("/candidates/{id}/application", candidate).then().body("status", equalTo("UNDER_REVIEW"));
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(3);
    }

    @Test
    void anUnknownProgramIsNotFoundAndNothingIsWritten() {
        String candidate = Api.eligibleCandidate();
        for (String program : new String[] { "NOPE", "acm", "CCM1" }) {
            Api.submit(candidate, program).statusCode(404).contentType(PROBLEM);
            staff().get("/candidates/{id}/applications/{program}", candidate, program).then().statusCode(404)
                    .contentType(PROBLEM);
        }
        staff().get("/candidates/{id}/applications/{program}", candidate, "ACM").then().statusCode(404)
                .contentType(PROBLEM);
        assertThat(TestDatabase.count("select count(*) from application where candidate_id::text = ?", candidate))
                .isZero();
        assertThat(Database.outboxEvents(candidate, DECIDED)).isZero();
    }

    @Test
    void aClearFailureIsDeniedWithTheFailedRulesAndCanBeResubmitted() {
        String candidate = Api.register();
        Api.addLicence(candidate, "RN", SandboxClock.today().minusDays(1));
        Api.addExperience(candidate, 13, false);
        Api.submit(candidate).statusCode(201).body("status", equalTo("DENIED")).body("pathway", nullValue())
                .body("authorisedUntil", nullValue())
                .body("checks.find { it.rule == 'LICENCE' }.outcome", equalTo("FAILED"))
                .body("checks.find { it.rule == 'LICENCE' }.detail", containsString("expired on"));

        Api.addLicence(candidate, "RN", SandboxClock.today());
        Api.submit(candidate).statusCode(201).body("status", equalTo("APPROVED"));
        staff().get("/candidates/{id}/application", candidate).then().body("status", equalTo("APPROVED"));
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(2);
    }

    @Test
    void staffApproveADoubtfulCaseWithAReason() {
        String candidate = selfEmployedCandidate();
        String application = Api.submit(candidate).statusCode(201).body("status", equalTo("UNDER_REVIEW"))
                .body("pathway", nullValue())
                .body("proposedPathway", equalTo("LICENCE_SUPERVISED_BY_CCM_12_MONTHS"))
                .body("checks.find { it.rule == 'EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS' }.outcome", equalTo("REVIEW"))
                .extract().path("id");

        decide(application, "APPROVE", "billable hours confirmed from invoices").statusCode(200)
                .body("status", equalTo("APPROVED")).body("pathway", equalTo("LICENCE_SUPERVISED_BY_CCM_12_MONTHS"))
                .body("authorisedUntil", equalTo(SandboxClock.today().plusMonths(12).toString()))
                .body("reason", equalTo("billable hours confirmed from invoices"))
                .body("checks.find { it.rule == 'STAFF_REVIEW' }.passed", equalTo(true));
        decide(application, "DENY", "changed my mind").statusCode(409).contentType(PROBLEM);
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(2);
    }

    /** If-Match on a decision: required (428), refused when stale (412, nothing written), answered with the new tag. */
    @Test
    void aDecisionMustNameTheApplicationAsLastRead() {
        String candidate = selfEmployedCandidate();
        String application = Api.submit(candidate).statusCode(201).extract().path("id");
        String read = Api.applicationETag(application);
        staff().get("/candidates/{id}/application", candidate).then().statusCode(200).header("ETag", equalTo(read));

        decide(application, "APPROVE", "hours confirmed", null).statusCode(428).contentType(PROBLEM)
                .body("type", endsWith("/precondition-required"));
        decide(application, "APPROVE", "hours confirmed", "\"" + Long.MAX_VALUE + "\"").statusCode(412)
                .contentType(PROBLEM).body("type", endsWith("/precondition-failed")).body("currentETag", equalTo(read));
        staff().get("/applications/{id}", application).then().body("status", equalTo("UNDER_REVIEW"))
                .header("ETag", equalTo(read));
        assertThat(Database.outboxEvents(candidate, DECIDED)).as("only the submission's").isEqualTo(1);

        String decided = decide(application, "DENY", "no invoices", read).statusCode(200)
                .body("status", equalTo("DENIED")).extract().header("ETag");
        assertThat(decided).isNotEqualTo(read).isEqualTo(Api.applicationETag(application));

        // a second staff member who read it under review: told it changed, and the first decision stands
        decide(application, "APPROVE", "hours confirmed", read).statusCode(412).body("currentETag", equalTo(decided));
        staff().get("/applications/{id}", application).then().body("status", equalTo("DENIED"))
                .body("reason", equalTo("no invoices"));
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(2);
    }

    @Test
    void staffDenyADoubtfulCaseAndTheCandidateMayApplyAgain() {
        String candidate = selfEmployedCandidate();
        String application = Api.submit(candidate).statusCode(201).extract().path("id");
        decide(application, "DENY", "no evidence of billable hours").statusCode(200)
                .body("status", equalTo("DENIED")).body("pathway", nullValue()).body("authorisedUntil", nullValue());

        String second = Api.submit(candidate).statusCode(201).body("status", equalTo("UNDER_REVIEW"))
                .extract().path("id");
        assertThat(second).isNotEqualTo(application);
        staff().get("/applications/{id}", application).then().body("status", equalTo("DENIED"));
    }

    @Test
    void staffWithdrawAnApproval() {
        String candidate = Api.eligibleCandidate();
        String application = Api.submit(candidate).statusCode(201).extract().path("id");

        withdraw(application, "licence revoked by the state board").statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("pathway", nullValue())
                .body("authorisedUntil", nullValue()).body("reason", equalTo("licence revoked by the state board"));
        withdraw(application, "again").statusCode(409).contentType(PROBLEM);
        decide(application, "APPROVE", "undo").statusCode(409).contentType(PROBLEM);
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(2);

        Api.submit(candidate).statusCode(201).body("status", equalTo("APPROVED"))
                .body("id", not(equalTo(application)));
    }

    @Test
    void onlyApplicationsUnderReviewTakeAStaffDecision() {
        String candidate = Api.eligibleCandidate();
        String application = Api.submit(candidate).statusCode(201).extract().path("id");
        decide(application, "DENY", "no").statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("APPROVED"));
        staff().get("/applications/{id}", application).then().body("status", equalTo("APPROVED"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            decision without reason | decision | {"decision":"APPROVE"} | reason
            decision with blank reason | decision | {"decision":"DENY","reason":"  "} | reason
            decision without decision | decision | {"reason":"ok"} | decision
            decision of an unknown kind | decision | {"decision":"MAYBE","reason":"ok"} | decision
            decision setting the status | decision | {"decision":"APPROVE","reason":"ok","status":"APPROVED"} | status
            withdrawal without reason | withdrawal | {} | reason
            """)
    void rejectsBadStaffRequestsAndChangesNothing(String scenario, String action, String body, String field) {
        String candidate = selfEmployedCandidate();
        String application = Api.submit(candidate).statusCode(201).extract().path("id");
        staff().contentType(ContentType.JSON).header("If-Match", Api.applicationETag(application)).body(body)
                .post("/applications/{id}/" + action, application).then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(field));
        staff().get("/applications/{id}", application).then().body("status", equalTo("UNDER_REVIEW"))
                .body("checks.rule", everyItem(not(equalTo("STAFF_REVIEW"))));
        assertThat(Database.outboxEvents(candidate, DECIDED)).isEqualTo(1);
    }

    @Test
    void rejectsABadSubmissionAndWritesNothing() {
        String candidate = Api.eligibleCandidate();
        for (String body : new String[] { "{}", "{\"attestation\":\"yes\"}", "{\"attestation\":true,\"status\":\"APPROVED\"}" }) {
            staff().contentType(ContentType.JSON).body(body).post("/candidates/{id}/application", candidate).then()
                    .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(
                            body.contains("status") ? "status" : "attestation"));
        }
        assertThat(TestDatabase.count("select count(*) from application where candidate_id::text = ?", candidate)).isZero();
        staff().get("/candidates/{id}/application", candidate).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void withoutAttestationTheApplicationIsDenied() {
        String candidate = Api.eligibleCandidate();
        staff().contentType(ContentType.JSON).body("{\"attestation\":false}")
                .post("/candidates/{id}/application", candidate).then().statusCode(201)
                .body("status", equalTo("DENIED"))
                .body("checks.find { it.rule == 'ATTESTATION' }.passed", equalTo(false));
    }

    @Test
    void unknownIdsAreNotFound() {
        UUID unknown = UUID.randomUUID();
        Api.submit(unknown.toString()).statusCode(404).contentType(PROBLEM);
        staff().get("/candidates/{id}/application", unknown).then().statusCode(404).contentType(PROBLEM);
        staff().get("/applications/{id}", unknown).then().statusCode(404).contentType(PROBLEM);
        decide(unknown.toString(), "APPROVE", "ok").statusCode(404).contentType(PROBLEM);
        withdraw(unknown.toString(), "ok").statusCode(404).contentType(PROBLEM);
        assertThat(Database.rowsAbout(unknown.toString())).isZero();
    }

    /** Twelve months only as a self-employed case manager: the rules cannot approve that alone. */
    private static String selfEmployedCandidate() {
        String id = Api.register();
        Api.addLicence(id, "LCSW", SandboxClock.today().plusYears(1));
        Api.addExperience(id, 12, true);
        return id;
    }

    /** A staff decision sent with the application's current ETag (none for an application that does not exist). */
    private static io.restassured.response.ValidatableResponse decide(String application, String decision,
            String reason) {
        String tag = staff().get("/applications/{id}", application).then().extract().header("ETag");
        return decide(application, decision, reason, tag);
    }

    private static io.restassured.response.ValidatableResponse decide(String application, String decision,
            String reason, String ifMatch) {
        var request = staff().contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body("{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}")
                .post("/applications/{id}/decision", application).then();
    }

    private static io.restassured.response.ValidatableResponse withdraw(String application, String reason) {
        return staff().contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
                .post("/applications/{id}/withdrawal", application).then();
    }
}
