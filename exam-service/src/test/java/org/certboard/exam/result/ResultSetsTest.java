package org.certboard.exam.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.events.EventType;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.platform.security.Roles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Single results sent at once are recorded in sets (ResultService, Coalescer): they share transactions, yet each
 * gets its own answer, its own result and its own event, and one that the database refuses fails alone.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ResultSetsTest {
    private static final String STAFF = "Bearer " + TestTokens.token("staff-result-sets", Roles.STAFF);

    @TestHTTPResource("/")
    URI base;

    @Test
    void resultsSentAtOnceShareTransactionsAndEachGetsItsOwnResultAndEvent() throws Exception {
        List<UUID> bookings = startedBookings(30);

        assertThat(sendAtOnce(bookings)).containsOnly(201);

        for (UUID booking : bookings) {
            assertThat(TestDatabase.count("select count(*) from exam_result where booking_id = ? and passed",
                    booking)).isOne();
            assertThat(TestDatabase.count("select count(*) from outbox_event where type = ? and payload like ?",
                    EventType.EXAM_PASSED.type(), "%" + booking + "%")).isOne();
            assertThat(TestDatabase.text("select status from booking where id = ?", booking)).isEqualTo("COMPLETED");
        }
        // rows a transaction wrote share its xmin: fewer transactions than results means they went in sets
        assertThat(TestDatabase.count("select count(distinct xmin::text) from exam_result"
                + " where booking_id = any(cast(? as uuid[]))", "{" + String.join(",", bookings.stream()
                        .map(UUID::toString).toList()) + "}")).isLessThan(bookings.size());
    }

    @Test
    void aResultTheDatabaseRefusesFailsAloneAndTheOthersSentWithItAreRecorded() throws Exception {
        List<UUID> bookings = startedBookings(12);
        UUID refused = bookings.get(5);
        String function = "refuse_" + refused.toString().replace('-', '_');
        execute("create function " + function + "() returns trigger language plpgsql as $$ begin"
                + " if new.booking_id = '" + refused + "' then raise exception 'refused by the test'; end if;"
                + " return new; end $$",
                "create trigger " + function + " before insert on exam_result for each row execute function "
                        + function + "()");
        List<Integer> statuses;
        try {
            statuses = sendAtOnce(bookings);
        } finally {
            execute("drop trigger " + function + " on exam_result", "drop function " + function + "()");
        }

        for (int i = 0; i < bookings.size(); i++) {
            UUID booking = bookings.get(i);
            boolean isRefused = booking.equals(refused);
            assertThat(statuses.get(i)).as("booking %d", i).isEqualTo(isRefused ? 500 : 201);
            assertThat(TestDatabase.count("select count(*) from exam_result where booking_id = ?", booking))
                    .isEqualTo(isRefused ? 0 : 1);
            assertThat(TestDatabase.count("select count(*) from outbox_event where type = ? and payload like ?",
                    EventType.EXAM_PASSED.type(), "%" + booking + "%")).isEqualTo(isRefused ? 0 : 1);
            assertThat(TestDatabase.text("select status from booking where id = ?", booking))
                    .isEqualTo(isRefused ? "BOOKED" : "COMPLETED");
        }
    }

    /** Bookings of as many candidates in one sitting that has started. */
    private static List<UUID> startedBookings(int count) {
        UUID sitting = ExamFixtures.sittingInDays(2, count);
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bookings.add(ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting));
        }
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));
        return bookings;
    }

    /** A passing result for each booking, all released at once; the statuses in the bookings' order. */
    private List<Integer> sendAtOnce(List<UUID> bookings) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(bookings.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (UUID booking : bookings) {
                answers.add(threads.submit(post(http, start, booking)));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    private Callable<Integer> post(HttpClient http, CountDownLatch start, UUID booking) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("results")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.ofString("{\"bookingId\":\"" + booking + "\",\"scaledScore\":650}"))
                .build();
        return () -> {
            start.await();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        };
    }

    private static void execute(String... statements) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
