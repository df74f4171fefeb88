package org.certboard.renewal;

import static org.awaitility.Awaitility.await;
import static org.certboard.platform.testing.Requests.json;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.AccessTable;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.security.Roles;
import org.certboard.platform.testing.NotKnownYet;
import org.certboard.platform.testing.NotKnownYet.Call;
import org.certboard.platform.testing.PlatformAccessRows;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Every endpoint of renewal-service × every kind of caller. Certification numbers are sequential: another person's
 * answers 404, exactly like a number never issued.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class AccessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Two certified people with accounts; the owner's renewal, once submitted, awaits a CE audit. */
    final class People implements AccessTable.Fixture {
        final LocalDate today = RenewalFixtures.today();
        final LocalDate examDate = today.minusYears(5).plusDays(50);
        final UUID owner = RenewalFixtures.candidate(true, examDate);
        final UUID other = RenewalFixtures.candidate(false, examDate);
        final String ownerToken = TestTokens.token("subject-" + owner, Roles.CANDIDATE);
        final String otherToken = TestTokens.token("subject-" + other, Roles.CANDIDATE);
        final String number;
        private String renewal;

        People() {
            RenewalFixtures board = new RenewalFixtures(bootstrapServers);
            board.register(owner, "Ada", "Lovelace");
            board.register(other, "Grace", "Hopper");
            number = board.certify(owner, examDate);
            board.certify(other, examDate);
            for (String token : new String[] { ownerToken, otherToken }) {
                await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().auth().oauth2(token)
                        .get("/candidates/me/certifications").statusCode() == 200);
            }
        }

        @Override
        public String ownerToken() {
            return ownerToken;
        }

        @Override
        public String otherCandidateToken() {
            return otherToken;
        }

        /** The owner's CE renewal, sampled for audit. */
        String renewal() {
            if (renewal == null) {
                RenewalFixtures.fullCe(number, today);
                renewal = RenewalFixtures.staff().post("/certifications/{n}/renewals", number).then().statusCode(201)
                        .extract().path("id");
            }
            return renewal;
        }

        /** The owner's renewal's ETag now: the If-Match of an audit decision. */
        String renewalETag() {
            return RenewalFixtures.staff().get("/certifications/{n}/renewals/{id}", number, renewal()).then()
                    .statusCode(200).extract().header("ETag");
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        new AccessTable<People>()
                .row("GET", "/certifications", 401, 403, 403, 403, 200, 403, (r, p) -> r.get("/certifications"))
                .row("GET", "/certifications/{number}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/certifications/{n}", p.number))
                .row("POST", "/certifications/{number}/retirement", 401, 403, 403, 403, 200, 403,
                        (r, p) -> r.post("/certifications/{n}/retirement", p.number))
                .row("GET", "/certifications/{number}/ce-credits", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/certifications/{n}/ce-credits", p.number))
                .row("POST", "/certifications/{number}/ce-credits", 401, 201, 404, 403, 201, 403,
                        (r, p) -> json(r, Map.of("title", "Ethics in care", "provider", "CMSA", "hours", 2,
                                "ethics", true, "completedOn", p.today.toString()))
                                .post("/certifications/{n}/ce-credits", p.number))
                .row("GET", "/certifications/{number}/renewal", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/certifications/{n}/renewal", p.number))
                // without CE the renewal is refused with what is missing; the owner's audited one is then pending
                .row("POST", "/certifications/{number}/renewals", 401, 422, 404, 403, 422, 403,
                        (r, p) -> r.post("/certifications/{n}/renewals", p.number))
                .row("GET", "/certifications/{number}/renewals/{id}", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/certifications/{n}/renewals/{id}", p.number, p.renewal()))
                // with the renewal's current ETag, so that the caller's role is what decides
                .row("POST", "/certifications/{number}/renewals/{id}/audit", 401, 403, 403, 403, 200, 403,
                        (r, p) -> json(r, Map.of("accepted", true)).header("If-Match", p.renewalETag())
                                .post("/certifications/{n}/renewals/{id}/audit", p.number, p.renewal()))
                .row("GET", "/verify/{number}", 200, 200, 200, 200, 200, 200, (r, p) -> r.get("/verify/{n}", p.number))
                .row("GET", "/verify", 200, 200, 200, 200, 200, 200, (r, p) -> r.get("/verify"))
                .row("GET", "/certifications/{number}/credential", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/certifications/{n}/credential", p.number))
                .row("GET", "/certifications/{number}/credential/history", 401, 200, 404, 403, 200, 403,
                        (r, p) -> r.get("/certifications/{n}/credential/history", p.number))
                .row("POST", "/certifications/{number}/credential/revocation", 401, 403, 403, 403, 200, 403,
                        (r, p) -> json(r, Map.of("category", "ISSUED_IN_ERROR", "reason", "duplicate record")).post(
                                "/certifications/{n}/credential/revocation", p.number))
                .row("POST", "/credentials/verify", 200, 200, 200, 200, 200, 200,
                        (r, p) -> json(r, Map.of("credential", "not.a.credential")).post("/credentials/verify"))
                .row("GET", "/credentials/status/{list}", 200, 200, 200, 200, 200, 200,
                        (r, p) -> r.get("/credentials/status/0"))
                .row("GET", "/credentials/status/{purpose}/{list}", 200, 200, 200, 200, 200, 200,
                        (r, p) -> r.get("/credentials/status/suspension/0"))
                .row("GET", "/.well-known/jwks.json", 200, 200, 200, 200, 200, 200,
                        (r, p) -> r.get("/.well-known/jwks.json"))
                .row("GET", "/programs", 200, 200, 200, 200, 200, 200, (r, p) -> r.get("/programs"))
                .row("GET", "/programs/{code}", 200, 200, 200, 200, 200, 200, (r, p) -> r.get("/programs/CCM"))
                .row("GET", "/candidates/me/certifications", 401, 200, 200, 403, 403, 403,
                        (r, p) -> r.get("/candidates/me/certifications"))
                .with(PlatformAccessRows::addTo)
                .verify(People::new);
    }

    /**
     * Every path a person reaches through their own candidate id asks one this service has not heard of yet to retry
     * (whatever the number: who the caller is comes first), and its operation says so in the document.
     */
    @Test
    void aCandidateThisServiceHasNotHeardOfYetIsAskedToRetry() {
        String number = "/certifications/CCM-0000000";
        String credit = "{\"title\":\"Ethics in care\",\"provider\":\"CMSA\",\"hours\":2,\"ethics\":true,"
                + "\"completedOn\":\"" + RenewalFixtures.today() + "\"}";
        NotKnownYet.assertEachAsksToRetry(List.of(
                new Call("get", "/candidates/me/certifications", "/candidates/me/certifications", null),
                new Call("get", "/certifications/{number}", number, null),
                new Call("get", "/certifications/{number}/ce-credits", number + "/ce-credits", null),
                new Call("post", "/certifications/{number}/ce-credits", number + "/ce-credits", credit),
                new Call("get", "/certifications/{number}/renewal", number + "/renewal", null),
                new Call("post", "/certifications/{number}/renewals", number + "/renewals", null),
                new Call("get", "/certifications/{number}/renewals/{id}", number + "/renewals/" + UUID.randomUUID(),
                        null),
                new Call("get", "/certifications/{number}/credential", number + "/credential", null),
                new Call("get", "/certifications/{number}/credential/history", number + "/credential/history",
                        null)));
    }
}
