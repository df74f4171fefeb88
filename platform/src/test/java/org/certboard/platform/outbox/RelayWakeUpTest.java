package org.certboard.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With a poll interval far longer than the test, an event is published only if the relay is woken in-process after
 * the request that wrote it committed.
 */
@QuarkusTest
@TestProfile(RelayWakeUpTest.PollOncePerHour.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class RelayWakeUpTest {

    public static class PollOncePerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certboard.outbox.poll-interval", "1h");
        }
    }

    @Test
    void aCommittedRequestWakesTheRelay() {
        // the even ones write through a session's transaction, the odd ones as one statement on the SQL client
        for (int i = 0; i < 4; i++) {
            String id = given().contentType(ContentType.JSON)
                    .body("{\"email\":\"wake-" + UUID.randomUUID() + "@example.org\",\"oneStatement\":" + (i % 2 == 1)
                            + "}")
                    .post("/test/registrations").then().statusCode(200).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.count(
                    "select count(*) from outbox_event where subject = ? and published_at is not null", id))
                    .isEqualTo(1));
            // consumed from Kafka: the event went all the way, not only marked
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.count(
                    "select count(*) from test_received where candidate_id = ?::uuid", id)).isEqualTo(1));
        }
    }
}
