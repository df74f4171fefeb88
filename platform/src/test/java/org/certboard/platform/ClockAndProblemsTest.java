package org.certboard.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.net.URL;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.platform.clock.BoardClock;
import org.certboard.platform.clock.ClockProducer;
import org.certboard.platform.clock.ClockStore;
import org.certboard.platform.clock.SchemaDurationTest;
import org.certboard.platform.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ClockAndProblemsTest {
    @TestHTTPResource(value = "/health/ready", management = true)
    URL health;

    @Inject
    ClockStore store;

    @Test
    void theSandboxClockMovesForwardOnly() {
        Instant before = Instant.parse(admin().get("/admin/clock").then().statusCode(200)
                .body("offset", notNullValue()).extract().path("now"));
        Instant after = Instant.parse(admin().contentType(ContentType.JSON).body("{\"advanceBy\":\"P30D\"}")
                .post("/admin/clock").then().statusCode(200).extract().path("now"));
        assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(30), Duration.ofDays(30).plusMinutes(1));

        admin().contentType(ContentType.JSON).body("{\"setTo\":\"2020-01-01T00:00:00Z\"}").post("/admin/clock")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        admin().contentType(ContentType.JSON).body("{\"advanceBy\":\"soon\"}").post("/admin/clock")
                .then().statusCode(400).body("violations.field", hasItem("advanceBy"));
        admin().contentType(ContentType.JSON).body("{}").post("/admin/clock").then().statusCode(400);
    }

    @Test
    void theSandboxOffsetIsKeptInTheDatabaseSoARestartedServiceContinuesWhereItWas() {
        admin().contentType(ContentType.JSON).body("{\"advanceBy\":\"P400D\"}").post("/admin/clock").then()
                .statusCode(200);
        Duration offset = Duration.parse(admin().get("/admin/clock").then().statusCode(200).extract().path("offset"));

        // the answer drops the fraction of a second the store keeps
        Duration stored = store.load();
        assertThat(stored.truncatedTo(ChronoUnit.SECONDS)).isEqualTo(offset);
        // a restart: a new board clock from what the database holds, as the producer builds it at start-up
        BoardClock restarted = new ClockProducer().boardClock(true, store);
        assertThat(restarted.offset()).isEqualTo(stored);
        assertThat(restarted.instant()).isAfter(Instant.now().plus(Duration.ofDays(399)));
        // forward-only across replicas and restarts: a smaller offset written later does not win
        assertThat(store.save(Duration.ofDays(1))).isEqualTo(stored);
        assertThat(store.load()).isEqualTo(stored);
    }

    @Test
    void theOffsetIsWrittenInTheFormatItsSchemaDeclares() {
        Instant now = Instant.parse(admin().get("/admin/clock").then().statusCode(200).extract().path("now"));
        // a move to an instant with a fraction of a second, one hour, one minute and five seconds on
        String moved = admin().contentType(ContentType.JSON)
                .body("{\"setTo\":\"" + now.plusSeconds(3665).plusMillis(250) + "\"}").post("/admin/clock").then()
                .statusCode(200).extract().path("offset");
        String read = admin().get("/admin/clock").then().statusCode(200).extract().path("offset");

        for (String offset : new String[] { moved, read }) {
            assertThat(offset).matches(SchemaDurationTest.RFC_3339_DURATION).doesNotContain(".");
            assertThat(Duration.parse(offset)).isEqualTo(store.load().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Test
    void badBodiesAreProblemsWithFieldDetail() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@example.org\",\"id\":\"x\"}")
                .post("/test/registrations").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id")).body("violations[0].message", equalTo("unknown field"));
        given().contentType(ContentType.JSON).body("{\"email\":\"not an email\"}").post("/test/registrations")
                .then().statusCode(400).body("title", equalTo("Invalid request"))
                .body("violations[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body("{\"email\":").post("/test/registrations")
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"email\":\"b@example.org\",\"failAfterOutbox\":\"maybe\"}")
                .post("/test/registrations").then().statusCode(400)
                .body("violations[0].field", equalTo("failAfterOutbox"));
        given().get("/nothing/here").then().statusCode(404);
    }

    @Test
    void readinessCoversDatabaseAndKafkaOnTheManagementPortOnly() {
        given().get(health.toString()).then().statusCode(200).body(containsString("kafka"));
        given().get("/q/health/ready").then().statusCode(404);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forNewSubject(Roles.ADMIN));
    }
}
