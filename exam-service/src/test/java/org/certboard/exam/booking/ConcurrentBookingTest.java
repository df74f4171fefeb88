package org.certboard.exam.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.exam.support.Database;
import org.certboard.platform.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ConcurrentBookingTest {
    private static final int CANDIDATES = 200;
    private static final int SEATS = 20;

    @TestHTTPResource("/bookings")
    URI bookings;

    @Test
    void twoHundredCandidatesRaceForTwentySeatsAndExactlyTwentyGetOne() throws Exception {
        UUID sitting = ExamFixtures.sittingInDays(5, SEATS);
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            candidates.add(UUID.randomUUID());
        }
        Database.authorise(candidates, SandboxClock.today().plusYears(1));
        candidates.forEach(candidate -> Database.bindAccount(candidate, "account-" + candidate));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CANDIDATES);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (UUID candidate : candidates) {
                HttpRequest request = HttpRequest.newBuilder(bookings).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        // each person books for themselves, with their own token
                        .header("Authorization", "Bearer " + TestTokens.token("account-" + candidate, Roles.CANDIDATE))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"candidateId\":\"" + candidate
                                + "\",\"sittingId\":\"" + sitting + "\"}"))
                        .build();
                statuses.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            Map<Integer, Long> byStatus = codes.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, (long) SEATS, 409,
                    (long) (CANDIDATES - SEATS)));
        } finally {
            pool.shutdownNow();
        }
        staff().get("/sittings/" + sitting).then().statusCode(200).body("seatsLeft", equalTo(0))
                .body("seatsBooked", equalTo(SEATS));
        assertThat(TestDatabase.count("select count(*) from booking where sitting_id = ? and status = 'BOOKED'", sitting))
                .isEqualTo(SEATS);
    }
}
