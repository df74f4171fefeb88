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

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.platform.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A cancel and a reschedule of the same booking, started together: whichever wins, each sitting's seat count must
 * still equal the active bookings on it (a cancel that frees the seat of the sitting it read, after a reschedule moved
 * the booking away, frees it twice and leaves the new sitting holding a seat for a cancelled booking).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ConcurrentCancelRescheduleTest {
    private static final String STAFF = "Bearer " + TestTokens.token("staff-concurrency", Roles.STAFF);

    private static final int RACED = 40;
    /** Bookings left alone on the first sitting, so a seat freed there twice shows in its count. */
    private static final int BYSTANDERS = 10;

    @TestHTTPResource("/bookings")
    URI bookings;

    @Test
    void cancelAndRescheduleOfTheSameBookingKeepEverySeatCountEqualToItsActiveBookings() throws Exception {
        LocalDate today = SandboxClock.today();
        UUID window = ExamFixtures.window(today, today.plusDays(30));
        UUID from = ExamFixtures.sitting(window, ExamFixtures.noon(today.plusDays(5)), RACED + BYSTANDERS);
        UUID to = ExamFixtures.sitting(window, ExamFixtures.noon(today.plusDays(7)), RACED);
        List<UUID> raced = new ArrayList<>();
        for (int i = 0; i < RACED; i++) {
            raced.add(ExamFixtures.book(ExamFixtures.authorisedCandidate(), from));
        }
        for (int i = 0; i < BYSTANDERS; i++) {
            ExamFixtures.book(ExamFixtures.authorisedCandidate(), from);
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * RACED);
        List<Future<Integer>> cancels = new ArrayList<>();
        List<Future<Integer>> moves = new ArrayList<>();
        try {
            for (int i = 0; i < RACED; i++) {
                UUID booking = raced.get(i);
                // A reschedule does more work before its write than a cancel does: staggering the cancels by 0-38 ms
                // sweeps the moment where a cancel reads the booking just before the reschedule moves it.
                long cancelDelay = (i % 20) * 2L;
                URI uri = bookings.resolve("/bookings/" + booking);
                HttpRequest cancel = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization",
                        STAFF).DELETE().build();
                HttpRequest move = HttpRequest.newBuilder(URI.create(uri + "/sitting")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", STAFF)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"sittingId\":\"" + to + "\"}"))
                        .build();
                cancels.add(pool.submit(() -> {
                    start.await();
                    Thread.sleep(cancelDelay);
                    return http.send(cancel, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
                moves.add(pool.submit(() -> {
                    start.await();
                    return http.send(move, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            for (int i = 0; i < RACED; i++) {
                assertThat(cancels.get(i).get()).as("cancel of %s", raced.get(i)).isIn(204, 409);
                assertThat(moves.get(i).get()).as("reschedule of %s", raced.get(i)).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }

        for (UUID sitting : List.of(from, to)) {
            assertThat(TestDatabase.count("select seats_booked from sitting where id = ?", sitting))
                    .as("seats booked at sitting %s", sitting)
                    .isEqualTo(TestDatabase.count(
                            "select count(*) from booking where sitting_id = ? and status = 'BOOKED'", sitting));
        }
        // Every raced booking was cancelled, whether before or after it moved; the bystanders stay where they were.
        assertThat(TestDatabase.count("select count(*) from booking where sitting_id in (?, ?) and status = 'BOOKED'",
                from, to)).isEqualTo(BYSTANDERS);
    }
}
