package org.certboard.exam.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.events.EventType;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.exam.support.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class BookingTest {

    @Test
    void anAuthorisedCandidateBooksOnceAndASecondBookingIsAConflict() {
        UUID sitting = ExamFixtures.sittingInDays(5, 10);
        UUID other = ExamFixtures.sittingInDays(6, 10);
        UUID candidate = ExamFixtures.authorisedCandidate();
        post(candidate, sitting).statusCode(201).body("status", equalTo("BOOKED"))
                .body("candidateId", equalTo(candidate.toString()));
        post(candidate, other).statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Already booked"));
        assertThat(TestDatabase.count("select count(*) from booking where candidate_id = ?", candidate)).isEqualTo(1);
        assertThat(TestDatabase.count("select seats_booked from sitting where id = ?", other)).isZero();
    }

    @Test
    void withoutAValidAuthorisationBookingIsForbidden() {
        LocalDate today = SandboxClock.today();
        UUID sitting = ExamFixtures.sittingInDays(5, 10);
        post(UUID.randomUUID(), sitting).statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Not authorised"));
        UUID expiresBefore = UUID.randomUUID();
        Database.authorise(List.of(expiresBefore), today.plusDays(4));
        post(expiresBefore, sitting).statusCode(403);
        UUID expiresThatDay = UUID.randomUUID();
        Database.authorise(List.of(expiresThatDay), today.plusDays(5));
        post(expiresThatDay, sitting).statusCode(201);
        assertThat(TestDatabase.count("select seats_booked from sitting where id = ?", sitting)).isEqualTo(1);
    }

    @Test
    void aFullSittingIsAConflict() {
        UUID sitting = ExamFixtures.sittingInDays(5, 1);
        ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        UUID late = ExamFixtures.authorisedCandidate();
        post(late, sitting).statusCode(409).body("title", equalTo("Sitting full"));
        assertThat(TestDatabase.count("select count(*) from booking where candidate_id = ?", late)).isZero();
    }

    @Test
    void badBookingRequestsAreProblemsAndWriteNothing() {
        long before = TestDatabase.count("select count(*) from booking");
        staff().contentType(ContentType.JSON).body(Map.of("candidateId", UUID.randomUUID().toString()))
                .post("/bookings").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("sittingId"));
        staff().contentType(ContentType.JSON).body(Map.of("candidateId", "nope", "sittingId", UUID.randomUUID().toString()))
                .post("/bookings").then().statusCode(400).body("violations.field", contains("candidateId"));
        post(ExamFixtures.authorisedCandidate(), UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        staff().contentType(ContentType.JSON).body("{").post("/bookings").then().statusCode(400);
        assertThat(TestDatabase.count("select count(*) from booking")).isEqualTo(before);
    }

    @Test
    void cancellingBeforeTheCutoffFreesTheSeatAndAfterItIsRefused() {
        UUID sitting = ExamFixtures.sittingInDays(3, 1);
        UUID booking = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        staff().delete("/bookings/" + booking).then().statusCode(204);
        staff().get("/bookings/" + booking).then().statusCode(200).body("status", equalTo("CANCELLED"));
        staff().get("/sittings/" + sitting).then().body("seatsLeft", equalTo(1));
        staff().delete("/bookings/" + booking).then().statusCode(409);
        staff().delete("/bookings/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");

        UUID kept = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting).minus(Duration.ofHours(24)));
        staff().delete("/bookings/" + kept).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Cutoff passed"));
        post(ExamFixtures.authorisedCandidate(), sitting).statusCode(409).body("title", equalTo("Cutoff passed"));
        staff().get("/bookings/" + kept).then().body("status", equalTo("BOOKED"));
    }

    @Test
    void rescheduleWithinTheWindowIsFreeAndOnlyOneDeferralToALaterWindowIsAllowed() {
        LocalDate today = SandboxClock.today();
        UUID first = ExamFixtures.window(today, today.plusDays(10));
        UUID second = ExamFixtures.window(today.plusDays(11), today.plusDays(20));
        UUID third = ExamFixtures.window(today.plusDays(21), today.plusDays(30));
        UUID a = ExamFixtures.sitting(first, ExamFixtures.noon(today.plusDays(4)), 5);
        UUID b = ExamFixtures.sitting(first, ExamFixtures.noon(today.plusDays(6)), 5);
        UUID c = ExamFixtures.sitting(second, ExamFixtures.noon(today.plusDays(15)), 5);
        UUID d = ExamFixtures.sitting(third, ExamFixtures.noon(today.plusDays(25)), 5);
        UUID booking = ExamFixtures.book(ExamFixtures.authorisedCandidate(), a);

        move(booking, b).statusCode(200).body("sittingId", equalTo(b.toString())).body("deferred", equalTo(false));
        move(booking, c).statusCode(200).body("sittingId", equalTo(c.toString())).body("deferred", equalTo(true));
        move(booking, d).statusCode(409).contentType("application/problem+json").body("title", equalTo("Deferral used"));
        move(booking, UUID.randomUUID()).statusCode(404);
        staff().contentType(ContentType.JSON).body(Map.of()).put("/bookings/" + booking + "/sitting")
                .then().statusCode(400).body("violations.field", contains("sittingId"));
        assertThat(List.of(a, b, c, d)).extracting(s -> TestDatabase.count("select seats_booked from sitting where id = ?", s))
                .containsExactly(0L, 0L, 1L, 0L);
    }

    @Test
    void afterAFailTheNextAttemptIsInALaterWindowAndAttemptsAreLimited() {
        LocalDate today = SandboxClock.today();
        UUID w1 = ExamFixtures.window(today, today.plusDays(10));
        UUID w2 = ExamFixtures.window(today.plusDays(11), today.plusDays(20));
        UUID w3 = ExamFixtures.window(today.plusDays(21), today.plusDays(30));
        UUID w4 = ExamFixtures.window(today.plusDays(31), today.plusDays(40));
        UUID s1 = ExamFixtures.sitting(w1, ExamFixtures.noon(today.plusDays(3)), 5);
        UUID s1Later = ExamFixtures.sitting(w1, ExamFixtures.noon(today.plusDays(8)), 5);
        UUID s2 = ExamFixtures.sitting(w2, ExamFixtures.noon(today.plusDays(15)), 5);
        UUID s3 = ExamFixtures.sitting(w3, ExamFixtures.noon(today.plusDays(25)), 5);
        UUID s4 = ExamFixtures.sitting(w4, ExamFixtures.noon(today.plusDays(35)), 5);
        UUID candidate = ExamFixtures.authorisedCandidate();

        UUID first = ExamFixtures.book(candidate, s1);
        SandboxClock.passTime(ExamFixtures.startsAt(s1));
        ExamFixtures.result(first, 450, 201);
        post(candidate, s1Later).statusCode(422).body("title", equalTo("Retake too soon"));

        UUID second = ExamFixtures.book(candidate, s2);
        staff().post("/bookings/" + second + "/no-show").then().statusCode(409).body("title", equalTo("Sitting not started"));
        SandboxClock.passTime(ExamFixtures.startsAt(s2));
        staff().post("/bookings/" + second + "/no-show").then().statusCode(201)
                .body("noShow", equalTo(true)).body("passed", equalTo(false)).body("scaledScore", nullValue());
        staff().post("/bookings/" + second + "/no-show").then().statusCode(409);

        UUID third = ExamFixtures.book(candidate, s3);
        SandboxClock.passTime(ExamFixtures.startsAt(s3));
        ExamFixtures.result(third, 300, 201);
        post(candidate, s4).statusCode(422).body("title", equalTo("Attempts exhausted"));

        staff().get("/candidates/" + candidate + "/attempts").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.bookingId", contains(first.toString(), second.toString(), third.toString()))
                .body("items.scaledScore", contains(450, null, 300)).body("items.passed", contains(false, false, false))
                .body("items.noShow", contains(false, true, false))
                .body("items[0].examDate", equalTo(today.plusDays(3).toString()));
        // paged like every list: the same order across pages, the total on each
        staff().queryParam("size", 2).queryParam("page", 1).get("/candidates/" + candidate + "/attempts").then()
                .statusCode(200).body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.bookingId", contains(third.toString()));
    }

    /**
     * A person authorised for CCM and ACM holds one active booking in each at once, never two in one; a booking needs
     * the authorisation of its sitting's program and moves only within it.
     */
    @Test
    void aPersonHoldsOneActiveBookingPerProgram() {
        LocalDate today = SandboxClock.today();
        UUID ccm = ExamFixtures.sittingInDays(5, 10);
        UUID ccmOther = ExamFixtures.sittingInDays(6, 10);
        UUID acmWindow = ExamFixtures.window("ACM", today, today.plusDays(30), null);
        UUID acm = ExamFixtures.sitting(acmWindow, ExamFixtures.noon(today.plusDays(5)), 10);
        UUID acmOther = ExamFixtures.sitting(acmWindow, ExamFixtures.noon(today.plusDays(6)), 10);
        UUID both = UUID.randomUUID();
        Database.authorise(List.of(both), "CCM", today.plusYears(1));
        Database.authorise(List.of(both), "ACM", today.plusYears(1));

        String ccmBooking = post(both, ccm).statusCode(201).body("program", equalTo("CCM")).extract().path("id");
        String acmBooking = post(both, acm).statusCode(201).body("program", equalTo("ACM")).extract().path("id");
        post(both, acmOther).statusCode(409).body("title", equalTo("Already booked"))
                .body("detail", containsString("active ACM booking"));
        post(both, ccmOther).statusCode(409).body("title", equalTo("Already booked"))
                .body("detail", containsString("active CCM booking"));
        move(UUID.fromString(ccmBooking), acmOther).statusCode(422).body("title", equalTo("Other program"));
        staff().get("/candidates/" + both + "/bookings").then().statusCode(200)
                .body("items.program", containsInAnyOrder("CCM", "ACM"));
        assertThat(TestDatabase.count("select count(*) from booking where candidate_id = ? and status = 'BOOKED'",
                both)).isEqualTo(2);
        assertThat(events(EventType.EXAM_BOOKED, acmBooking, "ACM")).isEqualTo(1);
        assertThat(events(EventType.EXAM_BOOKED, ccmBooking, "CCM")).isEqualTo(1);

        UUID ccmOnly = ExamFixtures.authorisedCandidate();
        post(ccmOnly, acm).statusCode(403).body("title", equalTo("Not authorised"))
                .body("detail", containsString("no ACM eligibility decision"));
        staff().delete("/bookings/" + acmBooking).then().statusCode(204);
        assertThat(events(EventType.BOOKING_CANCELLED, acmBooking, "ACM")).isEqualTo(1);
        post(both, acmOther).statusCode(201);
    }

    /**
     * Three attempts a retake period, the fourth refused, in CCM (its authorisation period) and ACM (the calendar
     * year): the next January resets ACM's count and not CCM's. Dated in the board's next calendar year.
     */
    @ParameterizedTest(name = "{0}: a sitting next January -> {1}")
    @CsvSource({ "CCM, 422", "ACM, 201" })
    void threeAttemptsPerRetakePeriodAndJanuaryResetsOnlyTheCalendarYear(String program, int january) {
        int year = SandboxClock.today().getYear() + 1;
        List<UUID> sittings = new ArrayList<>();
        for (int month : new int[] { 2, 4, 6, 8 }) {
            LocalDate opens = LocalDate.of(year, month, 1);
            sittings.add(ExamFixtures.sitting(ExamFixtures.window(program, opens, opens.plusDays(9), null),
                    ExamFixtures.noon(opens.plusDays(4)), 5));
        }
        LocalDate nextJanuary = LocalDate.of(year + 1, 1, 5);
        UUID januarySitting = ExamFixtures.sitting(ExamFixtures.window(program, nextJanuary, nextJanuary.plusDays(9),
                null), ExamFixtures.noon(nextJanuary.plusDays(4)), 5);
        UUID candidate = UUID.randomUUID();
        Database.authorise(List.of(candidate), program, LocalDate.of(year + 2, 12, 31));

        UUID first = ExamFixtures.book(candidate, sittings.get(0));
        SandboxClock.passTime(ExamFixtures.startsAt(sittings.get(0)));
        ExamFixtures.result(first, 450, 201);
        UUID second = ExamFixtures.book(candidate, sittings.get(1));
        SandboxClock.passTime(ExamFixtures.startsAt(sittings.get(1)));
        staff().post("/bookings/" + second + "/no-show").then().statusCode(201).body("program", equalTo(program));
        UUID third = ExamFixtures.book(candidate, sittings.get(2));
        SandboxClock.passTime(ExamFixtures.startsAt(sittings.get(2)));
        ExamFixtures.result(third, 300, 201);
        post(candidate, sittings.get(3)).statusCode(422).body("title", equalTo("Attempts exhausted"))
                .body("detail", containsString(program.equals("ACM") ? "calendar year " + year
                        : "this authorisation period"));

        post(candidate, januarySitting).statusCode(january);
        staff().get("/candidates/" + candidate + "/attempts").then().statusCode(200).body("total", equalTo(3))
                .body("items.program", contains(program, program, program));
    }

    /** The outbox rows of this type about the booking that name the program. */
    private static long events(EventType type, String booking, String program) {
        return TestDatabase.count("select count(*) from outbox_event where type = ? and payload like ?"
                + " and payload like ?", type.type(), "%" + booking + "%", "%\"program\":\"" + program + "\"%");
    }

    private static ValidatableResponse post(UUID candidate, UUID sitting) {
        return staff().contentType(ContentType.JSON)
                .body(Map.of("candidateId", candidate.toString(), "sittingId", sitting.toString()))
                .post("/bookings").then();
    }

    private static ValidatableResponse move(UUID booking, UUID sitting) {
        return staff().contentType(ContentType.JSON).body(Map.of("sittingId", sitting.toString()))
                .put("/bookings/" + booking + "/sitting").then();
    }
}
