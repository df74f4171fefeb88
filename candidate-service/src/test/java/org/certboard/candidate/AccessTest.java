package org.certboard.candidate;

import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.AccessTable;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.testing.PlatformAccessRows;
import org.certboard.platform.testing.Requests;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every endpoint of candidate-service × every kind of caller. Another person's records answer 404. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class AccessTest {

    /** Two people who registered themselves; the owner's file is complete enough to apply. */
    static final class People implements AccessTable.Fixture {
        final String ownerEmail = Api.uniqueEmail();
        final String otherEmail = Api.uniqueEmail();
        final String ownerToken = TestTokens.candidate(UUID.randomUUID().toString(), ownerEmail);
        final String otherToken = TestTokens.candidate(UUID.randomUUID().toString(), otherEmail);
        final String owner = registerAs(ownerToken, ownerEmail);
        final String other = registerAs(otherToken, otherEmail);
        private boolean evidence;
        private String application;
        private String acmApplication;
        private String nameChange;
        private String employer;
        private String delivery;

        @Override
        public String ownerToken() {
            return ownerToken;
        }

        @Override
        public String otherCandidateToken() {
            return otherToken;
        }

        /** The owner's file: enough to be approved, or (self-employed) doubtful enough for staff review. */
        String withEvidence(boolean doubtful) {
            if (!evidence) {
                Api.addLicence(owner, "RN", SandboxClock.today().plusYears(2));
                Api.addExperience(owner, 13, doubtful);
                evidence = true;
            }
            return owner;
        }

        /** The owner's application: approved by the rules, or under review. */
        String application(boolean doubtful) {
            if (application == null) {
                application = Api.submit(withEvidence(doubtful)).statusCode(201).extract().path("id");
            }
            return application;
        }

        /** The owner's application to ACM, approved by the rules; answers the program's code to read it by. */
        String acmApplication() {
            if (acmApplication == null) {
                acmApplication = Api.submit(withEvidence(false), "ACM").statusCode(201).extract().path("id");
            }
            return "ACM";
        }

        /** A request for a new name for the owner, filed by staff. */
        String nameChange() {
            if (nameChange == null) {
                nameChange = Requests.staff().contentType(ContentType.JSON).body(newName())
                        .post("/candidates/{id}/name-changes", owner).then().statusCode(201).extract().path("id");
            }
            return nameChange;
        }

        /** An employer's webhook subscription (at an address nobody answers: only the API is under test here). */
        String employer() {
            if (employer == null) {
                employer = subscribe("EMPLOYER", "org.certboard.renewal.CertificationIssued.v1");
            }
            return employer;
        }

        /** A delivery of a board subscription: the registration of a new person, as the subscription recorded it. */
        String delivery() {
            if (delivery == null) {
                String board = subscribe("BOARD", "org.certboard.candidate.CandidateRegistered.v2");
                Api.register();
                delivery = await().atMost(Duration.ofSeconds(30)).until(() -> Requests.admin()
                        .get("/webhook-subscriptions/{id}/deliveries", board).then().statusCode(200).extract()
                        .<String>path("items[0].id"), id -> id != null);
            }
            return delivery;
        }

        private static String subscribe(String scope, String type) {
            return Requests.admin().contentType(ContentType.JSON).body(Map.of("name", "partner", "url",
                    "http://127.0.0.1:9/hook", "scope", scope, "eventTypes", List.of(type)))
                    .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        }

        private static String registerAs(String token, String email) {
            return Requests.as(token).contentType(ContentType.JSON).body(person(email)).post("/candidates").then()
                    .statusCode(201).extract().path("id");
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        new AccessTable<People>()
                // a person registers only with their account's verified address, and this body names another (a
                // second profile for an account is a 409: CandidateResourceTest); staff register a paper applicant
                .row("POST", "/candidates", 401, 400, 400, 403, 201, 403,
                        (r, p) -> r.contentType(ContentType.JSON).body(person()).post("/candidates"))
                .row("GET", "/candidates", 401, 403, 403, 403, 200, 403, (r, p) -> r.get("/candidates"))
                .row("GET", "/candidates/me", 401, 200, 200, 403, 403, 403, (r, p) -> r.get("/candidates/me"))
                .row("GET", "/candidates/{id}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/candidates/{id}", p.owner))
                .row("PATCH", "/candidates/{id}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.contentType("application/merge-patch+json").header("If-Match",
                                Api.candidateETag(p.owner)).body("{\"familyName\":\"Byron\"}")
                                .patch("/candidates/{id}", p.owner))
                .row("POST", "/candidates/{id}/licences", 401, 201, 404, 403, 201, 403,
                        (r, p) -> json(r, Map.of("type", "RN", "number", "L-" + UUID.randomUUID(), "jurisdiction",
                                "NY", "expiresOn", "2031-01-01", "independentPractice", true))
                                .post("/candidates/{id}/licences", p.owner))
                .row("POST", "/candidates/{id}/degrees", 401, 201, 404, 403, 201, 403,
                        (r, p) -> json(r, Map.of("level", "BACHELOR", "field", "Nursing", "institution", "State U",
                                "awardedOn", "2015-06-01", "supervisedFieldExperience", true))
                                .post("/candidates/{id}/degrees", p.owner))
                .row("POST", "/candidates/{id}/experience", 401, 201, 404, 403, 201, 403,
                        (r, p) -> json(r, Map.of("employer", "City Hospital", "role", "CASE_MANAGER", "startDate",
                                "2020-01-01", "endDate", "2021-01-31", "hoursPerWeek", 35,
                                "supervisedByCertifiedCaseManager", true, "selfEmployed", false))
                                .post("/candidates/{id}/experience", p.owner))
                // the owner applies; staff, applying for them next, find the application open
                .row("POST", "/candidates/{id}/application", 401, 201, 404, 403, 409, 403,
                        (r, p) -> json(r, Map.of("attestation", true)).post("/candidates/{id}/application",
                                p.withEvidence(false)))
                .row("GET", "/candidates/{id}/application", 401, 200, 404, 403, 200, 403,
                        (r, p) -> {
                            p.application(false);
                            return r.get("/candidates/{id}/application", p.owner);
                        })
                // the same per program: the owner applies to ACM; staff, applying for them next, find it open
                .row("POST", "/candidates/{id}/applications/{program}", 401, 201, 404, 403, 409, 403,
                        (r, p) -> json(r, Map.of("attestation", true)).post(
                                "/candidates/{id}/applications/{program}", p.withEvidence(false), "ACM"))
                .row("GET", "/candidates/{id}/applications/{program}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/candidates/{id}/applications/{program}", p.owner, p.acmApplication()))
                .row("GET", "/applications/{id}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/applications/{id}", p.application(false)))
                .row("POST", "/applications/{id}/decision", 401, 403, 403, 403, 200, 403,
                        (r, p) -> json(r, Map.of("decision", "APPROVE", "reason", "billable hours verified"))
                                .header("If-Match", Api.applicationETag(p.application(true)))
                                .post("/applications/{id}/decision", p.application(true)))
                .row("POST", "/applications/{id}/withdrawal", 401, 403, 403, 403, 200, 403,
                        (r, p) -> json(r, Map.of("reason", "licence revoked"))
                                .post("/applications/{id}/withdrawal", p.application(false)))
                // the owner asks; staff, asking for them next, find the owner's request pending
                .row("POST", "/candidates/{id}/name-changes", 401, 201, 404, 403, 409, 403,
                        (r, p) -> json(r, newName()).post("/candidates/{id}/name-changes", p.owner))
                .row("GET", "/candidates/{id}/name-changes", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/candidates/{id}/name-changes", p.owner))
                .row("GET", "/name-changes", 401, 403, 403, 403, 200, 403, (r, p) -> r.get("/name-changes"))
                .row("GET", "/name-changes/{id}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/name-changes/{id}", p.nameChange()))
                .row("POST", "/name-changes/{id}/decision", 401, 403, 403, 403, 200, 403,
                        (r, p) -> json(r, Map.of("decision", "ACCEPT", "note", "marriage certificate seen"))
                                .header("If-Match", Api.nameChangeETag(p.nameChange()))
                                .post("/name-changes/{id}/decision", p.nameChange()))
                .row("GET", "/identity-review", 401, 403, 403, 403, 200, 403, (r, p) -> r.get("/identity-review"))
                .row("GET", "/candidates/{id}/timeline", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/candidates/{id}/timeline", p.owner))
                .row("GET", "/candidates/me/timeline", 401, 200, 200, 403, 403, 403,
                        (r, p) -> r.get("/candidates/me/timeline"))
                .row("GET", "/candidates/{id}/mail", 401, 403, 403, 403, 200, 403,
                        (r, p) -> r.get("/candidates/{id}/mail", p.owner))
                .row("GET", "/mail/problems", 401, 403, 403, 403, 200, 403, (r, p) -> r.get("/mail/problems"))
                // the bounce processor's account (admin) reports a Message-ID the board never sent: 404, nothing changes
                .row("POST", "/mail/bounces", 401, 403, 403, 403, 403, 404,
                        (r, p) -> json(r, Map.of("messageId", "<unknown@certboard.example>", "reason", "5.1.1"))
                                .post("/mail/bounces"))
                .row("POST", "/webhook-subscriptions", 401, 403, 403, 403, 403, 201,
                        (r, p) -> json(r, Map.of("name", "partner", "url", "http://127.0.0.1:9/hook", "scope",
                                "BOARD", "eventTypes", List.of("org.certboard.renewal.CertificationIssued.v1")))
                                .post("/webhook-subscriptions"))
                .row("GET", "/webhook-subscriptions", 401, 403, 403, 403, 403, 200,
                        (r, p) -> r.get("/webhook-subscriptions"))
                .row("GET", "/webhook-subscriptions/{id}", 401, 403, 403, 403, 403, 200,
                        (r, p) -> r.get("/webhook-subscriptions/{id}", p.employer()))
                .row("PATCH", "/webhook-subscriptions/{id}", 401, 403, 403, 403, 403, 200,
                        (r, p) -> json(r, Map.of("paused", true)).patch("/webhook-subscriptions/{id}", p.employer()))
                .row("DELETE", "/webhook-subscriptions/{id}", 401, 403, 403, 403, 403, 204,
                        (r, p) -> r.delete("/webhook-subscriptions/{id}", p.employer()))
                .row("POST", "/webhook-subscriptions/{id}/secret", 401, 403, 403, 403, 403, 200,
                        (r, p) -> r.post("/webhook-subscriptions/{id}/secret", p.employer()))
                .row("GET", "/webhook-subscriptions/{id}/deliveries", 401, 403, 403, 403, 403, 200,
                        (r, p) -> r.get("/webhook-subscriptions/{id}/deliveries", p.employer()))
                .row("GET", "/webhook-deliveries/{id}", 401, 403, 403, 403, 403, 200,
                        (r, p) -> r.get("/webhook-deliveries/{id}", p.delivery()))
                // the delivery is still being tried (nobody answers at port 9): a replay waits for its end
                .row("POST", "/webhook-deliveries/{id}/replay", 401, 403, 403, 403, 403, 409,
                        (r, p) -> r.post("/webhook-deliveries/{id}/replay", p.delivery()))
                .row("PUT", "/candidates/{id}/employers/{subscriptionId}", 401, 204, 404, 403, 204, 403,
                        (r, p) -> r.put("/candidates/{id}/employers/{s}", p.owner, p.employer()))
                .row("DELETE", "/candidates/{id}/employers/{subscriptionId}", 401, 204, 404, 403, 204, 403,
                        (r, p) -> r.delete("/candidates/{id}/employers/{s}", p.owner, p.employer()))
                .with(PlatformAccessRows::addTo)
                .verify(People::new);
    }

    private static Map<String, Object> person() {
        return person(Api.uniqueEmail());
    }

    private static Map<String, Object> person(String email) {
        return Map.of("givenName", "Ada", "familyName", "Lovelace", "email", email, "dateOfBirth", "1985-12-10");
    }

    private static Map<String, Object> newName() {
        return Map.of("givenName", "Ada", "familyName", "King", "reason", "marriage", "documentReference", "MC-1835");
    }
}
