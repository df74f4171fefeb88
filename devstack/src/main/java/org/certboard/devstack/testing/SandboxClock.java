package org.certboard.devstack.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The service-under-test's sandbox clock ({@code /admin/clock}), as a {@code @QuarkusTest} moves and reads it through
 * RestAssured's default base URI. The clock only moves forward and test classes share one application, so tests date
 * what they build from {@link #now()} rather than from wall time.
 */
public final class SandboxClock {
    /** The board zone the services default to ({@code certboard.board.time-zone}); tests run on the default. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static final String OPERATOR = TestTokens.token("sandbox-clock-operator", "admin");

    private SandboxClock() {
    }

    public static Instant now() {
        return Instant.parse(operator().get("/admin/clock").then().statusCode(200).extract().path("now"));
    }

    /** Today on the board, as the service sees it. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /** Moves the clock forward by {@code amount}; returns the new time. */
    public static Instant advance(Duration amount) {
        return Instant.parse(operator().contentType(ContentType.JSON).body(Map.of("advanceBy", amount.toString()))
                .post("/admin/clock").then().statusCode(200).extract().path("now"));
    }

    /** Moves the clock a minute past {@code moment}, unless it is already later. */
    public static void passTime(Instant moment) {
        Duration gap = Duration.between(now(), moment);
        if (!gap.isNegative()) {
            advance(gap.plusMinutes(1));
        }
    }

    /** Noon on the board {@code days} after today: safely inside any window that contains that day. */
    public static Instant noonIn(int days) {
        return today().plusDays(days).atTime(12, 0).atZone(ZONE).toInstant();
    }

    private static RequestSpecification operator() {
        return RestAssured.given().auth().oauth2(OPERATOR);
    }
}
