package org.certboard.exam.support;

import static org.certboard.platform.testing.Requests.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.SandboxClock;

import io.restassured.http.ContentType;

/**
 * Set-up through the public API, relative to the board clock: the sandbox clock only moves forward and tests share
 * one application, so every test builds its own windows and sittings from "now".
 */
public final class ExamFixtures {
    private ExamFixtures() {
    }

    /** Noon (board time) {@code days} after today: safely inside a window that contains that day. */
    public static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(SandboxClock.ZONE).toInstant();
    }

    public static UUID window(LocalDate opensOn, LocalDate closesOn) {
        return window(opensOn, closesOn, null);
    }

    public static UUID window(LocalDate opensOn, LocalDate closesOn, Integer passMark) {
        return window(null, opensOn, closesOn, passMark);
    }

    /** A window of {@code program}; null sends none (CCM). */
    public static UUID window(String program, LocalDate opensOn, LocalDate closesOn, Integer passMark) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "W " + opensOn,
                "opensOn", opensOn.toString(), "closesOn", closesOn.toString()));
        if (passMark != null) {
            body.put("passMark", passMark);
        }
        if (program != null) {
            body.put("program", program);
        }
        return UUID.fromString(staff().contentType(ContentType.JSON).body(body).post("/windows")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID sitting(UUID window, Instant startsAt, int capacity) {
        return UUID.fromString(staff().contentType(ContentType.JSON).body(Map.of("windowId", window.toString(),
                "site", "Boston", "startsAt", startsAt.toString(), "capacity", capacity))
                .post("/sittings").then().statusCode(201).extract().path("id"));
    }

    /** A window from today for 30 days with one sitting {@code days} ahead. */
    public static UUID sittingInDays(int days, int capacity) {
        LocalDate today = SandboxClock.today();
        return sitting(window(today, today.plusDays(30)), noon(today.plusDays(days)), capacity);
    }

    public static UUID authorisedCandidate() {
        UUID candidate = UUID.randomUUID();
        Database.authorise(List.of(candidate), SandboxClock.today().plusYears(1));
        return candidate;
    }

    public static UUID book(UUID candidate, UUID sitting) {
        return UUID.fromString(staff().contentType(ContentType.JSON)
                .body(Map.of("candidateId", candidate.toString(), "sittingId", sitting.toString()))
                .post("/bookings").then().statusCode(201).extract().path("id"));
    }

    /** The sitting's current ETag, as a staff member changing its capacity would read it. */
    public static String etag(UUID sitting) {
        return staff().get("/sittings/" + sitting).then().statusCode(200).extract().header("ETag");
    }

    public static Instant startsAt(UUID sitting) {
        return Instant.parse(staff().get("/sittings/" + sitting).then().statusCode(200).extract().path("startsAt"));
    }

    public static void result(UUID booking, int score, int status) {
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", booking.toString(), "scaledScore", score))
                .post("/results").then().statusCode(status);
    }
}
