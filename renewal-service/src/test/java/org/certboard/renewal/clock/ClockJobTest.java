package org.certboard.renewal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class ClockJobTest {
    private static final List<String> CLOCK_EVENTS = List.of(EventType.RENEWAL_REMINDER_DUE.type(),
            EventType.CERTIFICATION_EXPIRED.type(), EventType.CERTIFICATION_LAPSED.type());
    private static final Pattern COMPLETED_RUNS =
            Pattern.compile("(?m)^certboard_renewal_clock_runs_total\\{[^}]*outcome=\"completed\"[^}]*} (\\S+)$");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @TestHTTPResource(value = "/", management = true)
    URL management;
    @Inject
    ClockJobRunner runner;

    @Test
    void eachCompletedRunCountsInTheMetricTheClockAlertReads() throws Exception {
        double before = completedRuns();
        runner.runConcurrently(1);
        assertThat(completedRuns()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void oneJumpOverTheWholeCycleEmitsEachReminderThenExpiryThenLapseOnce() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusYears(5).plusDays(200);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = board.certify(candidate, examDate);

        RenewalFixtures.advance("P1Y");

        assertClockEventsInOrder(candidate, number, examDate.plusYears(5));
        assertThat(RenewalFixtures.certification(number).getString("status")).isEqualTo("LAPSED");
    }

    @Test
    void manySmallStepsEmitTheSameEventsOnce() throws InterruptedException {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusYears(5).plusDays(200);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = board.certify(candidate, examDate);

        for (int step = 0; step < 12; step++) {
            RenewalFixtures.advance("P20D");
            Thread.sleep(150);
        }

        assertClockEventsInOrder(candidate, number, examDate.plusYears(5));
    }

    @Test
    void aRenewalInTheWindowEndsTheOldCyclesRemindersAndItsExpiry() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(60);
        LocalDate expiry = examDate.plusYears(5);
        UUID candidate = RenewalFixtures.candidate(false, examDate);
        String number = board.certify(candidate, examDate);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            RenewalFixtures.advance("PT1S");
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.RENEWAL_REMINDER_DUE.type().equals(r.header("ce_type")), 2, Duration.ofSeconds(30));

            RenewalFixtures.fullCe(number, today);
            RenewalFixtures.staff().post("/certifications/{number}/renewals", number).then().statusCode(201);
            TopicProbe.Received renewed = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_RENEWED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(EventCodec.validate(EventType.CERTIFICATION_RENEWED, renewed.value())).isEmpty();
            assertThat(renewed.value()).contains("\"method\":\"CE\"").contains("\"late\":false")
                    .contains("\"cycleStartedOn\":\"" + expiry + "\"")
                    .contains("\"expiresOn\":\"" + expiry.plusYears(5) + "\"");

            RenewalFixtures.advance("P70D");

            List<TopicProbe.Received> clockEvents = probe.drain(Duration.ofSeconds(4)).stream()
                    .filter(r -> candidate.toString().equals(r.key()) && CLOCK_EVENTS.contains(r.header("ce_type")))
                    .toList();
            assertThat(clockEvents).extracting(r -> r.header("ce_type")).containsOnly(
                    EventType.RENEWAL_REMINDER_DUE.type());
            assertThat(clockEvents).extracting(TopicProbe.Received::value)
                    .allSatisfy(value -> assertThat(value).contains("\"expiresOn\":\"" + expiry + "\""))
                    .anySatisfy(value -> assertThat(value).contains("\"daysBefore\":180"))
                    .anySatisfy(value -> assertThat(value).contains("\"daysBefore\":90"))
                    .hasSize(2);
        }
        assertThat(RenewalFixtures.certification(number).getString("status")).isEqualTo("ACTIVE");
        assertThat(RenewalFixtures.certification(number).getString("expiresOn")).isEqualTo(expiry.plusYears(5).toString());
    }

    @Test
    void aRetiredCertificationLapsesWhenItsReactivationWindowEnds() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate retiredOn = RenewalFixtures.today();
        UUID candidate = RenewalFixtures.candidate(retiredOn.minusYears(1));
        String number = board.certify(candidate, retiredOn.minusYears(1));
        RenewalFixtures.staff().post("/certifications/{number}/retirement", number).then().statusCode(200);

        RenewalFixtures.advance("P5Y");
        assertThat(RenewalFixtures.certification(number).getString("status")).isEqualTo("RETIRED");
        RenewalFixtures.advance("P2D");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> RenewalFixtures.certification(number).getString("status").equals("LAPSED"));
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            TopicProbe.Received lapsed = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(EventCodec.validate(EventType.CERTIFICATION_LAPSED, lapsed.value())).isEmpty();
            assertThat(lapsed.value()).contains("\"number\":\"" + number + "\"")
                    .contains("\"lapsedOn\":\"" + retiredOn.plusYears(5) + "\"");
            assertThat(probe.drain(Duration.ofSeconds(2)).stream().filter(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")))).hasSize(1);
        }
    }

    /** As Prometheus reads it: the alert CertboardRenewalClockNotRun sums this series' increase. */
    private double completedRuns() {
        Matcher sample = COMPLETED_RUNS.matcher(
                RestAssured.get(management + "metrics").then().statusCode(200).extract().asString());
        assertThat(sample.find()).as("certboard_renewal_clock_runs_total{outcome=\"completed\"} is exported").isTrue();
        return Double.parseDouble(sample.group(1));
    }

    private void assertClockEventsInOrder(UUID candidate, String number, LocalDate expiry) {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            List<TopicProbe.Received> events = probe.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> candidate.toString().equals(r.key()) && CLOCK_EVENTS.contains(r.header("ce_type")))
                    .toList();

            assertThat(events).extracting(r -> r.header("ce_type")).containsExactly(
                    EventType.RENEWAL_REMINDER_DUE.type(), EventType.RENEWAL_REMINDER_DUE.type(),
                    EventType.RENEWAL_REMINDER_DUE.type(), EventType.CERTIFICATION_EXPIRED.type(),
                    EventType.CERTIFICATION_LAPSED.type());
            assertThat(events.get(0).value()).contains("\"daysBefore\":180")
                    .contains("\"dueOn\":\"" + expiry.minusDays(180) + "\"");
            assertThat(events.get(1).value()).contains("\"daysBefore\":90")
                    .contains("\"dueOn\":\"" + expiry.minusDays(90) + "\"");
            assertThat(events.get(2).value()).contains("\"daysBefore\":30")
                    .contains("\"dueOn\":\"" + expiry.minusDays(30) + "\"");
            assertThat(events.get(3).value()).contains("\"expiredOn\":\"" + expiry + "\"");
            assertThat(events.get(4).value()).contains("\"lapsedOn\":\"" + expiry.plusDays(30) + "\"");
            for (TopicProbe.Received event : events) {
                EventType type = EventType.ofType(event.header("ce_type")).orElseThrow();
                assertThat(EventCodec.validate(type, event.value())).isEmpty();
                assertThat(event.value()).contains("\"number\":\"" + number + "\"");
                assertThat(event.header("ce_subject")).isEqualTo(candidate.toString());
            }
        }
    }
}
