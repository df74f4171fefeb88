package org.certboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class InputAndOutageProblemsTest {

    @Test
    void malformedQueryValuesAre400NamingTheParameter() {
        assertInvalid(given().queryParam("windowId", "nope").get("/test/parameters"), "windowId", "must be a UUID");
        assertInvalid(given().queryParam("available", "maybe").get("/test/parameters"), "available",
                "must be true or false");
        assertInvalid(given().queryParam("page", "abc").get("/test/parameters"), "page", "must be a whole number");
        given().queryParam("available", "true").queryParam("page", "2").get("/test/parameters").then().statusCode(200)
                .body("available", equalTo(true)).body("page", equalTo(2));
    }

    @Test
    void malformedPathValuesAre400NamingTheParameter() {
        assertInvalid(given().get("/test/parameters/not-a-uuid/attempts"), "id", "must be a UUID");
    }

    @Test
    void aNulCharacterIsTheCallersError() {
        given().urlEncodingEnabled(false).get("/test/parameters/text/%00%27%22").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("text"));
        given().urlEncodingEnabled(false).get("/test/parameters/text/%27%22").then().statusCode(200)
                .body("text", equalTo("'\""));
    }

    @Test
    void anOversizeBodyIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"email\":\"" + "a".repeat(70_000) + "@example.org\"}")
                .post("/test/registrations").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("at most"));
    }

    @Test
    void aDatabaseOutageIs503WithRetryAfter() {
        given().get("/test/parameters/outage").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5")).body("status", equalTo(503));
        // the pool replaces the ended connection: the next request is served
        given().get("/test/parameters/text/x").then().statusCode(200);
    }

    private static void assertInvalid(io.restassured.response.Response response, String field, String message) {
        response.then().log().ifValidationFails().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("violations[0].field", equalTo(field)).body("violations[0].message", equalTo(message));
    }
}
