package org.certboard.exam.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.exam.support.ExamFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ResultTest {

    @Test
    void recordsAResultOnceWithPassFailFromThePassMarkInForce() {
        LocalDate today = SandboxClock.today();
        UUID boardMark = ExamFixtures.window(today, today.plusDays(10));
        UUID ownMark = ExamFixtures.window(today, today.plusDays(10), 550);
        UUID s1 = ExamFixtures.sitting(boardMark, ExamFixtures.noon(today.plusDays(2)), 5);
        UUID s2 = ExamFixtures.sitting(ownMark, ExamFixtures.noon(today.plusDays(2)), 5);
        UUID atMark = ExamFixtures.book(ExamFixtures.authorisedCandidate(), s1);
        UUID belowOwnMark = ExamFixtures.book(ExamFixtures.authorisedCandidate(), s2);
        UUID notHeld = ExamFixtures.book(ExamFixtures.authorisedCandidate(), ExamFixtures.sittingInDays(20, 5));
        SandboxClock.passTime(ExamFixtures.startsAt(s1));

        staff().contentType(ContentType.JSON).body(Map.of("bookingId", atMark.toString(), "scaledScore", 500))
                .post("/results").then().statusCode(201).body("passed", equalTo(true))
                .body("examDate", equalTo(today.plusDays(2).toString())).body("bookingId", equalTo(atMark.toString()));
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", atMark.toString(), "scaledScore", 500))
                .post("/results").then().statusCode(409).contentType("application/problem+json");
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", belowOwnMark.toString(), "scaledScore", 520))
                .post("/results").then().statusCode(201).body("passed", equalTo(false));
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", notHeld.toString(), "scaledScore", 520))
                .post("/results").then().statusCode(422);
        staff().get("/bookings/" + atMark).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void badResultsAreProblemsAndWriteNothing() {
        UUID sitting = ExamFixtures.sittingInDays(2, 5);
        UUID booking = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));
        long before = TestDatabase.count("select count(*) from exam_result");
        for (int score : new int[] { 199, 801 }) {
            staff().contentType(ContentType.JSON).body(Map.of("bookingId", booking.toString(), "scaledScore", score))
                    .post("/results").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("scaledScore"));
        }
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", booking.toString()))
                .post("/results").then().statusCode(400).body("violations.field", contains("scaledScore"));
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", booking.toString(), "scaledScore", "high"))
                .post("/results").then().statusCode(400).body("violations.field", contains("scaledScore"));
        staff().contentType(ContentType.JSON).body(Map.of("bookingId", UUID.randomUUID().toString(), "scaledScore", 600))
                .post("/results").then().statusCode(404).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from exam_result")).isEqualTo(before);
        assertThat(TestDatabase.count("select count(*) from outbox_event where payload like ?", "%" + booking + "%"))
                .isEqualTo(1); // only its ExamBooked
    }

    @Test
    void anImportKeepsValidRowsRejectsTheOthersAndIsIdempotent() {
        UUID sitting = ExamFixtures.sittingInDays(2, 10);
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bookings.add(ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting));
        }
        UUID cancelled = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        staff().delete("/bookings/" + cancelled).then().statusCode(204);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));

        String csv = "bookingId,scaledScore\n"
                + bookings.get(0) + ",640\n"
                + bookings.get(1) + ",420\n"
                + "not-a-uuid,500\n"
                + bookings.get(2) + ",900\n"
                + UUID.randomUUID() + ",500\n"
                + cancelled + ",500\n"
                + bookings.get(0) + ",640\n";
        staff().contentType("text/csv").body(csv).post("/results/import").then().statusCode(200)
                .body("accepted", equalTo(2)).body("unchanged", equalTo(1))
                .body("rejected.line", contains(4, 5, 6, 7));
        assertThat(TestDatabase.count("select count(*) from exam_result where booking_id in (?, ?)", bookings.get(0),
                bookings.get(1))).isEqualTo(2);
        long events = TestDatabase.count("select count(*) from outbox_event where type like 'org.certboard.exam.Exam%ed.v1'"
                + " and type <> 'org.certboard.exam.ExamBooked.v1'");

        staff().contentType("text/csv").body(csv).post("/results/import").then().statusCode(200)
                .body("accepted", equalTo(0)).body("unchanged", equalTo(3)).body("rejected.line", contains(4, 5, 6, 7));
        staff().contentType(ContentType.JSON).body(List.of(
                Map.of("bookingId", bookings.get(1).toString(), "scaledScore", 700),
                Map.of("bookingId", bookings.get(3).toString(), "scaledScore", 501),
                Map.of("bookingId", bookings.get(2).toString())))
                .post("/results/import").then().statusCode(200)
                .body("accepted", equalTo(1)).body("unchanged", equalTo(0)).body("rejected.line", contains(1, 3));
        assertThat(TestDatabase.count("select count(*) from outbox_event where type like 'org.certboard.exam.Exam%ed.v1'"
                + " and type <> 'org.certboard.exam.ExamBooked.v1'")).isEqualTo(events + 1);
        assertThat(TestDatabase.text("select scaled_score from exam_result where booking_id = ?", bookings.get(1)))
                .isEqualTo("420");
    }

    @Test
    void aMalformedImportIsRefusedWhole() {
        long before = TestDatabase.count("select count(*) from exam_result");
        staff().contentType("text/csv").body("booking,score\n" + UUID.randomUUID() + ",500\n")
                .post("/results/import").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("header"));
        staff().contentType(ContentType.JSON).body("{\"bookingId\":\"x\"}")
                .post("/results/import").then().statusCode(400).contentType("application/problem+json");
        staff().contentType(ContentType.JSON).body("[{\"bookingId\":\"x\",\"score\":1}]")
                .post("/results/import").then().statusCode(400).contentType("application/problem+json");
        staff().contentType(ContentType.JSON).body("[]").post("/results/import").then().statusCode(200)
                .body("accepted", equalTo(0)).body("rejected", empty());
        assertThat(TestDatabase.count("select count(*) from exam_result")).isEqualTo(before);
    }
}
