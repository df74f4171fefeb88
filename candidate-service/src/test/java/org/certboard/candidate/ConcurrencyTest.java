package org.certboard.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Simultaneous requests that only one may win: the loser gets a 409 problem, never a 500, and nothing doubles. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class ConcurrencyTest {
    private static final int RACERS = 4;
    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void simultaneousRegistrationsWithOneEmailMakeOneProfile() throws Exception {
        String email = Api.uniqueEmail();
        List<Integer> statuses = race(() -> staff().contentType(ContentType.JSON)
                .body("{\"givenName\":\"A\",\"familyName\":\"B\",\"email\":\"" + email
                        + "\",\"dateOfBirth\":\"1990-01-01\"}")
                .post("/candidates").then().extract().statusCode());

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(TestDatabase.count("select count(*) from candidate where email = ?", email)).isEqualTo(1);
    }

    @Test
    void simultaneousSubmissionsMakeOneApplication() throws Exception {
        String candidate = Api.eligibleCandidate();
        List<Integer> statuses = race(() -> Api.submit(candidate).extract().statusCode());

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(TestDatabase.count("select count(*) from application where candidate_id::text = ?", candidate))
                .isEqualTo(1);
        assertThat(Database.outboxEvents(candidate, "org.certboard.candidate.EligibilityDecided.v1")).isEqualTo(1);
    }

    private List<Integer> race(Callable<Integer> request) throws Exception {
        List<Future<Integer>> results = pool.invokeAll(IntStream.range(0, RACERS).mapToObj(i -> request).toList());
        List<Integer> statuses = new java.util.ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        return statuses;
    }
}
