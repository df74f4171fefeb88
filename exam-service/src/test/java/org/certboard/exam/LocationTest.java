package org.certboard.exam;

import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.exam.support.ExamFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every {@code Location} the service answers with names a resource it serves. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class LocationTest {

    @Test
    void theLocationsOfNewWindowsResultsAndNoShowsCanBeRead() {
        LocalDate today = SandboxClock.today();
        Response window = staff().contentType(ContentType.JSON).body(Map.of("name", "Located",
                "opensOn", today.toString(), "closesOn", today.plusDays(30).toString(), "passMark", 550))
                .post("/windows").then().statusCode(201).extract().response();
        staff().get(window.header("Location")).then().statusCode(200)
                .body("id", equalTo(window.path("id"))).body("passMark", equalTo(550))
                .body("closesOn", equalTo(today.plusDays(30).toString()));

        UUID windowId = UUID.fromString(window.path("id"));
        UUID sitting = ExamFixtures.sitting(windowId, ExamFixtures.noon(today.plusDays(2)), 5);
        UUID scored = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        UUID absent = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));

        Response result = staff().contentType(ContentType.JSON)
                .body(Map.of("bookingId", scored.toString(), "scaledScore", 610))
                .post("/results").then().statusCode(201).extract().response();
        staff().get(result.header("Location")).then().statusCode(200)
                .body("id", equalTo(result.path("id"))).body("bookingId", equalTo(scored.toString()))
                .body("scaledScore", equalTo(610)).body("passed", equalTo(true));

        Response noShow = staff().post("/bookings/" + absent + "/no-show").then().statusCode(201).extract().response();
        staff().get(noShow.header("Location")).then().statusCode(200)
                .body("bookingId", equalTo(absent.toString())).body("noShow", equalTo(true));

        staff().get("/windows/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        staff().get("/results/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
