package org.certboard.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.devstack.testing.LogCapture.statementsOf;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventType;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The request path's round trips (issue 25): the SQL statements one {@code POST /results} and one
 * {@code POST /bookings} send, besides a transaction's begin and commit.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class RequestStatementsTest {

    /**
     * A result is a read and one write on the SQL client, no session: Hibernate logs no statement, and the result,
     * its booking's claim and its event were written by one transaction.
     */
    @Test
    void recordingAResultIsOneWriteOutsideAnySessionAndAnswersWhatItWrote() {
        UUID sitting = ExamFixtures.sittingInDays(2, 5);
        UUID booking = ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));
        List<Map<String, Object>> answered = new ArrayList<>();
        List<String> statements = new ArrayList<>();

        // the relay is held off: marking the event published would give its row the relay's xmin
        TestDatabase.whileLocked(OutboxRelay.LEASE_KEY, () -> {
            statements.addAll(statementsOf(() -> answered.add(staff().contentType(ContentType.JSON)
                    .body(Map.of("bookingId", booking.toString(), "scaledScore", 600)).post("/results")
                    .then().statusCode(201).extract().jsonPath().getMap("$"))));
            String written = TestDatabase.text("select xmin::text from exam_result where id = ?::uuid",
                    answered.get(0).get("id"));
            assertThat(TestDatabase.text("select xmin::text from booking where id = ?", booking)).isEqualTo(written);
            assertThat(TestDatabase.text("select xmin::text from outbox_event where type = ? and payload like ?",
                    EventType.EXAM_PASSED.type(), "%" + booking + "%")).isEqualTo(written);
        });

        assertThat(statements).as("statements of one POST /results sent through a session").isEmpty();
        assertThat(staff().get("/results/" + answered.get(0).get("id")).then().statusCode(200).extract().jsonPath()
                .getMap("$")).isEqualTo(answered.get(0));
        assertThat(TestDatabase.text("select status from booking where id = ?", booking)).isEqualTo("COMPLETED");
    }

    /** The booking answered is built, not read back: it is what the database holds. */
    @Test
    void bookingTakesFiveStatementsAndAnswersWhatItWrote() {
        UUID sitting = ExamFixtures.sittingInDays(5, 5);
        UUID candidate = ExamFixtures.authorisedCandidate();
        List<Map<String, Object>> answered = new ArrayList<>();

        List<String> statements = statementsOf(() -> answered.add(staff().contentType(ContentType.JSON)
                .body(Map.of("candidateId", candidate.toString(), "sittingId", sitting.toString())).post("/bookings")
                .then().statusCode(201).extract().jsonPath().getMap("$")));

        assertThat(statements).as("statements of one POST /bookings").satisfiesExactly(
                slot -> assertThat(slot).contains("from sitting", "join exam_window"),
                lock -> assertThat(lock).contains("from authorisation", "for update"),
                attempts -> assertThat(attempts).contains("from exam_result"),
                event -> assertThat(event).contains("insert into outbox_event"),
                seated -> assertThat(seated).contains("insert into booking", "update sitting"));
        assertThat(staff().get("/bookings/" + answered.get(0).get("id")).then().statusCode(200).extract().jsonPath()
                .getMap("$")).isEqualTo(answered.get(0));
        assertThat(TestDatabase.count("select seats_booked from sitting where id = ?", sitting)).isEqualTo(1);
    }

    /** Most requests of a booking rush meet a full sitting: one read answers them, and nothing is locked. */
    @Test
    void aFullSittingIsRefusedByOneRead() {
        UUID sitting = ExamFixtures.sittingInDays(5, 1);
        staff().contentType(ContentType.JSON).body(Map.of("candidateId", ExamFixtures.authorisedCandidate().toString(),
                "sittingId", sitting.toString())).post("/bookings").then().statusCode(201);
        UUID late = ExamFixtures.authorisedCandidate();

        List<String> statements = statementsOf(() -> staff().contentType(ContentType.JSON)
                .body(Map.of("candidateId", late.toString(), "sittingId", sitting.toString())).post("/bookings")
                .then().statusCode(409).body("title", equalTo("Sitting full")));

        assertThat(statements).as("statements of a POST /bookings for a full sitting").satisfiesExactly(
                slot -> assertThat(slot).contains("from sitting", "join exam_window").doesNotContain("for update"));
        assertThat(TestDatabase.count("select count(*) from booking where candidate_id = ?", late)).isZero();
    }
}
