package org.certboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Front ends on the origins a deployment lists (here the local stack's dev origins) may call the API; no others. */
@QuarkusTest
@TestProfile(CorsTest.LocalDevOrigins.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class CorsTest {

    public static class LocalDevOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.cors.enabled", "true", "certboard.cors.origins", "/http://localhost(:[0-9]+)?/");
        }
    }

    @Test
    void aListedOriginMaySendTheTokenAndReadTheHeadersFrontEndsNeed() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "Authorization,If-Match")
                .options("/admin/clock").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        given().header("Origin", "http://localhost:5173").get("/admin/clock").then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void anotherOriginGetsNoPermission() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/admin/clock").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
