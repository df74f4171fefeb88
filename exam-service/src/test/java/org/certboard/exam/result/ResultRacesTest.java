package org.certboard.exam.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Results for one booking sent at once, with different scores: each request may read the booking before any of them
 * writes, so the claim in the write decides. Exactly one is recorded, with exactly one event; the others are 409 with
 * a title that says why (the result read, or the claim missed), not a unique index's refusal, and write nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ResultRacesTest {
    private static final String STAFF = "Bearer " + TestTokens.token("staff-result-races", Roles.STAFF);
    private static final int BOOKINGS = 20;
    private static final int SENDS = 3;
    private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"");

    @TestHTTPResource("/")
    URI base;

    @Test
    void resultsRacingForOneBookingRecordOneAndWriteOneEvent() throws Exception {
        UUID sitting = ExamFixtures.sittingInDays(2, BOOKINGS);
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            bookings.add(ExamFixtures.book(ExamFixtures.authorisedCandidate(), sitting));
        }
        SandboxClock.passTime(ExamFixtures.startsAt(sitting));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(BOOKINGS * SENDS);
        List<List<Future<String>>> answers = new ArrayList<>();
        try {
            for (UUID booking : bookings) {
                List<Future<String>> sends = new ArrayList<>();
                for (int s = 0; s < SENDS; s++) {
                    sends.add(threads.submit(post(http, start,
                            "{\"bookingId\":\"" + booking + "\",\"scaledScore\":" + (300 + 200 * s) + "}")));
                }
                answers.add(sends);
            }
            start.countDown();
            for (int i = 0; i < BOOKINGS; i++) {
                List<String> statuses = new ArrayList<>();
                for (Future<String> answer : answers.get(i)) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("answers for booking %s", bookings.get(i))
                        .isSubsetOf("201", "409 Result already recorded", "409 Recorded concurrently")
                        .containsOnlyOnce("201");
            }
        } finally {
            threads.shutdownNow();
        }
        for (UUID booking : bookings) {
            assertThat(TestDatabase.count("select count(*) from exam_result where booking_id = ?", booking)).isOne();
            assertThat(TestDatabase.count("select count(*) from outbox_event where type in (?, ?) and payload like ?",
                    EventType.EXAM_PASSED.type(), EventType.EXAM_FAILED.type(), "%" + booking + "%")).isOne();
            assertThat(TestDatabase.text("select status from booking where id = ?", booking)).isEqualTo("COMPLETED");
        }
    }

    /** The status, and a problem's title after it. */
    private Callable<String> post(HttpClient http, CountDownLatch start, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("results")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return () -> {
            start.await();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher title = TITLE.matcher(response.body());
            return response.statusCode() + (response.statusCode() >= 400 && title.find() ? " " + title.group(1) : "");
        };
    }
}
