package org.certboard.platform.testing;

import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.security.Roles;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The callers of the services' functional tests: one staff member and one operator, the same in every service, so
 * that who may do what stays {@code AccessTest}'s subject alone.
 */
public final class Requests {
    private static final String STAFF = TestTokens.token("staff-functional-tests", Roles.STAFF);
    private static final String ADMIN = TestTokens.token("admin-functional-tests", Roles.ADMIN);

    private Requests() {
    }

    /** The functional tests' staff token. */
    public static String staffToken() {
        return STAFF;
    }

    /** A request by board staff. */
    public static RequestSpecification staff() {
        return as(STAFF);
    }

    /** A request by operations (projection replays, the sandbox clock). */
    public static RequestSpecification admin() {
        return as(ADMIN);
    }

    /** A request with the given bearer token. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** {@code request} with {@code body} as its JSON. */
    public static RequestSpecification json(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).body(body);
    }
}
