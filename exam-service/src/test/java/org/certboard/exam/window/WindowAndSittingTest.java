package org.certboard.exam.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
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
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class WindowAndSittingTest {

    @Test
    void createsAndListsWindows() {
        LocalDate today = SandboxClock.today();
        staff().contentType(ContentType.JSON)
                .body(Map.of("name", "April", "opensOn", today.toString(), "closesOn", today.plusDays(29).toString(),
                        "passMark", 520))
                .post("/windows")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/windows/"))
                .body("name", equalTo("April")).body("passMark", equalTo(520));
        staff().queryParam("size", 100).get("/windows")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(100))
                .body("items.name", hasItem("April"));
        staff().queryParam("size", 101).get("/windows").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("size"));
    }

    @Test
    void refusesAWindowThatClosesBeforeItOpensAndWritesNothing() {
        long before = TestDatabase.count("select count(*) from exam_window");
        staff().contentType(ContentType.JSON)
                .body(Map.of("name", "Backwards", "opensOn", "2027-04-30", "closesOn", "2027-04-01"))
                .post("/windows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("closesOn"));
        staff().contentType(ContentType.JSON).body(Map.of("opensOn", "2027-04-01", "closesOn", "2027-04-30"))
                .post("/windows").then().statusCode(400).body("violations.field", contains("name"));
        staff().contentType(ContentType.JSON).body(Map.of("name", "x", "opensOn", "April", "closesOn", "2027-04-30"))
                .post("/windows").then().statusCode(400).body("violations.field", contains("opensOn"));
        staff().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "opensOn", "2027-04-01", "closesOn", "2027-04-30", "passMark", 900))
                .post("/windows").then().statusCode(400).body("violations.field", contains("passMark"));
        assertThat(TestDatabase.count("select count(*) from exam_window")).isEqualTo(before);
    }

    /** A window is CCM's unless it names a program the board runs; its sittings are its program's. */
    @Test
    void aWindowBelongsToAProgramAndItsSittingsInheritIt() {
        LocalDate today = SandboxClock.today();
        UUID ccm = ExamFixtures.window(today, today.plusDays(10));
        staff().get("/windows/" + ccm).then().statusCode(200).body("program", equalTo("CCM"));
        UUID acm = ExamFixtures.window("ACM", today, today.plusDays(10), 520);
        staff().get("/windows/" + acm).then().statusCode(200).body("program", equalTo("ACM"))
                .body("passMark", equalTo(520));
        UUID sitting = ExamFixtures.sitting(acm, ExamFixtures.noon(today.plusDays(5)), 2);
        staff().get("/sittings/" + sitting).then().statusCode(200).body("program", equalTo("ACM"));
        staff().queryParam("windowId", acm.toString()).get("/sittings").then().statusCode(200)
                .body("items.program", contains("ACM"));

        long before = TestDatabase.count("select count(*) from exam_window");
        for (String unknown : new String[] { "NCC", "acm", "" }) {
            staff().contentType(ContentType.JSON).body(Map.of("name", "x", "opensOn", today.toString(),
                    "closesOn", today.plusDays(10).toString(), "program", unknown))
                    .post("/windows").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("program"));
        }
        assertThat(TestDatabase.count("select count(*) from exam_window")).isEqualTo(before);
    }

    @Test
    void sittingsLieInsideTheirWindowAndListWithSeatsLeft() {
        LocalDate today = SandboxClock.today();
        UUID window = ExamFixtures.window(today, today.plusDays(10));
        UUID sitting = ExamFixtures.sitting(window, ExamFixtures.noon(today.plusDays(5)), 2);
        staff().queryParam("windowId", window.toString()).get("/sittings")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].seatsLeft", equalTo(2));

        long before = TestDatabase.count("select count(*) from sitting");
        staff().contentType(ContentType.JSON).body(Map.of("windowId", window.toString(), "site", "Boston",
                "startsAt", ExamFixtures.noon(today.plusDays(11)).toString(), "capacity", 5))
                .post("/sittings").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("startsAt"));
        staff().contentType(ContentType.JSON).body(Map.of("windowId", UUID.randomUUID().toString(), "site", "Boston",
                "startsAt", ExamFixtures.noon(today.plusDays(5)).toString(), "capacity", 5))
                .post("/sittings").then().statusCode(400).body("violations.field", contains("windowId"));
        staff().contentType(ContentType.JSON).body(Map.of("windowId", window.toString(), "site", "Boston",
                "startsAt", ExamFixtures.noon(today.plusDays(5)).toString(), "capacity", 0))
                .post("/sittings").then().statusCode(400).body("violations.field", contains("capacity"));
        staff().contentType(ContentType.JSON).body(Map.of("windowId", window.toString(), "site", "Boston",
                "startsAt", ExamFixtures.noon(today.plusDays(5)).toString(), "capacity", 5, "colour", "red"))
                .post("/sittings").then().statusCode(400).body("violations.field", contains("colour"));
        assertThat(TestDatabase.count("select count(*) from sitting")).isEqualTo(before);

        ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        staff().queryParam("windowId", window.toString()).queryParam("available", true).get("/sittings")
                .then().statusCode(200).body("total", equalTo(0));
        staff().queryParam("windowId", window.toString()).get("/sittings")
                .then().body("items[0].seatsLeft", equalTo(0)).body("items.id", not(hasItem("x")));
    }

    @Test
    void capacityMayNotFallBelowTheSeatsBooked() {
        UUID sitting = ExamFixtures.sittingInDays(5, 3);
        ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        resize(sitting, ExamFixtures.etag(sitting), 1)
                .then().statusCode(409).contentType("application/problem+json").body("seatsBooked", equalTo(2));
        assertThat(TestDatabase.count("select capacity from sitting where id = ?", sitting)).isEqualTo(3);
        resize(sitting, ExamFixtures.etag(sitting), 2)
                .then().statusCode(200).body("capacity", equalTo(2)).body("seatsLeft", equalTo(0));
        resize(sitting, ExamFixtures.etag(sitting), 10)
                .then().statusCode(200).body("seatsLeft", equalTo(8));
        resize(sitting, ExamFixtures.etag(sitting), -1)
                .then().statusCode(400).body("violations.field", contains("capacity"));
        resize(UUID.randomUUID(), "\"0\"", 5)
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** Two staff members cannot silently overwrite each other's capacity: the change names the version it read. */
    @Test
    void capacityChangesOnlyOnTheVersionRead() {
        UUID sitting = ExamFixtures.sittingInDays(5, 3);
        String read = ExamFixtures.etag(sitting);
        assertThat(read).matches("\"[0-9]+\"");

        staff().contentType(ContentType.JSON).body(Map.of("capacity", 4)).patch("/sittings/" + sitting)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", endsWith("/precondition-required"));
        assertThat(TestDatabase.count("select capacity from sitting where id = ?", sitting)).isEqualTo(3);

        String changed = resize(sitting, read, 4).then().statusCode(200).body("capacity", equalTo(4))
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(read).isEqualTo(ExamFixtures.etag(sitting));

        resize(sitting, read, 6).then().statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("/precondition-failed")).body("currentETag", equalTo(changed));
        assertThat(TestDatabase.count("select capacity from sitting where id = ?", sitting)).isEqualTo(4);
        assertThat(ExamFixtures.etag(sitting)).isEqualTo(changed);

        ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting);
        assertThat(ExamFixtures.etag(sitting)).as("a seat taken changes the sitting, so its tag").isNotEqualTo(changed);
    }

    private static Response resize(UUID sitting, String ifMatch, int capacity) {
        return staff().contentType(ContentType.JSON).header("If-Match", ifMatch).body(Map.of("capacity", capacity))
                .patch("/sittings/" + sitting);
    }
}
