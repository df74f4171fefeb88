package org.certboard.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * With a linger, the commits that wake the relay within it go out in one pass: five requests spread over most of a
 * second are marked published by one statement, and all of them reach Kafka.
 */
@QuarkusTest
@TestProfile(RelayLingerTest.Linger.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class RelayLingerTest {

    public static class Linger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the poll far beyond the test: only the wake-ups publish
            return Map.of("certboard.outbox.poll-interval", "1h", "certboard.outbox.linger", "3s");
        }
    }

    @Test
    void theCommitsOfOneLingerArePublishedInOnePass() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                Thread.sleep(150);
            }
            ids.add(UUID.fromString(given().contentType(ContentType.JSON)
                    .body("{\"email\":\"linger-" + UUID.randomUUID() + "@example.org\"}")
                    .post("/test/registrations").then().statusCode(200).extract().path("id")));
        }
        String subjects = String.join(",", ids.stream().map(UUID::toString).toList());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.count(
                "select count(*) from test_received where candidate_id::text = any(string_to_array(?, ','))",
                subjects)).isEqualTo(5));
        // one pass marks its rows in one update (clock_timestamp() per row: microseconds apart); a pass per request
        // would spread them over the 600 ms between the first request and the last
        double spreadMillis = ((Number) TestDatabase.value("""
                select extract(epoch from max(published_at) - min(published_at)) * 1000 from outbox_event
                where subject = any(string_to_array(?, ','))""", subjects)).doubleValue();
        assertThat(spreadMillis).isLessThan(100);
    }
}
