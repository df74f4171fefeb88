package org.certboard.renewal.credential;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Behind trusted proxies (here the test's own address plays the ingress controller) the client is the first hop from
 * the right of X-Forwarded-For that is not a trusted proxy: what a caller writes to the left of it changes nothing.
 */
@QuarkusTest
@TestProfile(PublicRateLimitBehindProxyTest.TwoPerHourBehindAProxy.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class PublicRateLimitBehindProxyTest {

    public static class TwoPerHourBehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.public-rate-limit.requests", "2", "certboard.public-rate-limit.window", "1h",
                    "certboard.public-rate-limit.trusted-proxies", "127.0.0.1/32,::1,10.0.0.0/8");
        }
    }

    @Test
    void aForgedLeftmostEntryDoesNotMakeANewClient() {
        // the ingress appended 198.51.100.7, the address it saw; the caller forged a new entry before it each time
        for (int i = 1; i <= 2; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i + ", 198.51.100.7").get("/.well-known/jwks.json")
                    .then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.3, 198.51.100.7").get("/.well-known/jwks.json").then()
                .statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.7").get("/.well-known/jwks.json").then().statusCode(429);
        // through a second trusted proxy, in one header line or two, it is still the same client
        given().header("X-Forwarded-For", "203.0.113.4").header("X-Forwarded-For", "198.51.100.7, 10.4.4.4")
                .get("/.well-known/jwks.json").then().statusCode(429);

        // a different client behind the same ingress has its own budget
        given().header("X-Forwarded-For", "198.51.100.7, 198.51.100.8").get("/.well-known/jwks.json").then()
                .statusCode(200);
    }

    @Test
    void anIpv6ClientCannotTakeAFreshBudgetByChangingItsAddressWithinItsNetwork() {
        given().header("X-Forwarded-For", "2001:db8:5:6::1").get("/.well-known/jwks.json").then().statusCode(200);
        given().header("X-Forwarded-For", "2001:db8:5:6::2").get("/.well-known/jwks.json").then().statusCode(200);
        given().header("X-Forwarded-For", "2001:db8:5:6:abcd::3").get("/.well-known/jwks.json").then().statusCode(429);
        given().header("X-Forwarded-For", "2001:db8:5:7::1").get("/.well-known/jwks.json").then().statusCode(200);
    }
}
