package org.certboard.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.certboard.devstack.testing.OpenApiContract;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A person the service under test has not heard of yet (its consumer has not reached their registration): each path
 * they reach through their own candidate id asks them to retry (503 {@code candidate-not-known-yet}, Retry-After),
 * and its operation says so in the document the service serves.
 */
public final class NotKnownYet {

    /** {@code method} on {@code path}, the operation the document lists as {@code documented}; body null for none. */
    public record Call(String method, String documented, String path, String jsonBody) {
    }

    private NotKnownYet() {
    }

    public static void assertEachAsksToRetry(List<Call> calls) {
        String stranger = TestTokens.forNewSubject(Roles.CANDIDATE);
        JsonNode paths = OpenApiContract.parse(RestAssured.given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("paths");
        for (Call call : calls) {
            RequestSpecification request = RestAssured.given().auth().oauth2(stranger);
            if (call.jsonBody() != null) {
                request = request.contentType(ContentType.JSON).body(call.jsonBody());
            }
            request.request(call.method(), call.path()).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1");
            assertThat(paths.path(call.documented()).path(call.method()).path("responses").has("503"))
                    .as(call.method() + " " + call.documented() + " documents its 503").isTrue();
        }
    }
}
