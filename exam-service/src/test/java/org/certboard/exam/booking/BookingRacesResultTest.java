package org.certboard.exam.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.platform.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A booking racing the recording of the candidate's previous result: whichever commits first, the other must see it.
 * Either the booking comes first (409, the candidate still holds the active booking) or the fail does (422, a retake
 * only from a later window); never both 201, which would be a retake in the failed window.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class BookingRacesResultTest {
    private static final String STAFF = "Bearer " + TestTokens.token("staff-races", Roles.STAFF);

    private static final int PAIRS = 40;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBookingRacingTheFailOfThePreviousAttemptNeverAllowsASameWindowRetake() throws Exception {
        LocalDate today = SandboxClock.today();
        UUID window = ExamFixtures.window(today, today.plusDays(30));
        UUID first = ExamFixtures.sitting(window, ExamFixtures.noon(today.plusDays(2)), PAIRS);
        UUID later = ExamFixtures.sitting(window, ExamFixtures.noon(today.plusDays(20)), PAIRS);
        List<UUID> candidates = new ArrayList<>();
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            UUID candidate = ExamFixtures.authorisedCandidate();
            candidates.add(candidate);
            bookings.add(ExamFixtures.book(candidate, first));
        }
        SandboxClock.passTime(ExamFixtures.startsAt(first));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * PAIRS);
        List<Future<Integer>> results = new ArrayList<>();
        List<Future<Integer>> rebookings = new ArrayList<>();
        try {
            for (int i = 0; i < PAIRS; i++) {
                results.add(pool.submit(post(http, start, "results",
                        "{\"bookingId\":\"" + bookings.get(i) + "\",\"scaledScore\":300}")));
                rebookings.add(pool.submit(post(http, start, "bookings",
                        "{\"candidateId\":\"" + candidates.get(i) + "\",\"sittingId\":\"" + later + "\"}")));
            }
            start.countDown();
            for (int i = 0; i < PAIRS; i++) {
                assertThat(results.get(i).get()).isEqualTo(201);
                assertThat(rebookings.get(i).get()).as("rebooking of candidate %s", candidates.get(i)).isIn(409, 422);
            }
        } finally {
            pool.shutdownNow();
        }
        for (UUID candidate : candidates) {
            assertThat(TestDatabase.count("select count(*) from booking where candidate_id = ? and sitting_id = ?",
                    candidate, later)).isZero();
        }
    }

    private java.util.concurrent.Callable<Integer> post(HttpClient http, CountDownLatch start, String path,
            String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return () -> {
            start.await();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }
}
