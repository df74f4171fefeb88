package org.certboard.renewal.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.platform.security.Roles;
import org.certboard.renewal.RenewalFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The public endpoints share one per-client budget; past it, 429 problem+json with Retry-After. */
@QuarkusTest
@TestProfile(PublicRateLimitTest.FourPerHour.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class PublicRateLimitTest {

    public static class FourPerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.public-rate-limit.requests", "4", "certboard.public-rate-limit.window", "1h");
        }
    }

    @Test
    void aClientOverTheLimitIsToldToComeBackLaterAndOtherEndpointsAreNotCounted() {
        // no trusted proxies (the default): a caller that forges a new X-Forwarded-For each time is still one client
        long firstRequest = System.nanoTime();
        given().header("X-Forwarded-For", "198.51.100.1").get("/.well-known/jwks.json").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.2").get("/verify/CCM-1999-000000").then().statusCode(404);
        given().header("Forwarded", "for=198.51.100.3").get("/credentials/status/suspension/0").then().statusCode(200);
        given().header("X-Real-IP", "198.51.100.4").get("/verify").then().statusCode(200);

        Response refused = given().accept("text/html").header("X-Forwarded-For", "198.51.100.5")
                .get("/verify/CCM-1999-000001");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"));
        // one of four requests per hour comes back 15 minutes after the first, however slowly these requests ran
        long sinceFirst = (System.nanoTime() - firstRequest) / 1_000_000_000L + 1;
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(900L - sinceFirst, 900L);
        given().contentType("application/json").body(Map.of("credential", "x")).post("/credentials/verify").then()
                .statusCode(429);

        // authenticated, non-public endpoints are not limited
        for (int i = 0; i < 6; i++) {
            RenewalFixtures.as(Roles.ADMIN).get("/admin/clock").then().statusCode(200);
        }
    }
}
