package org.certboard.renewal.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.exam.ExamPassed;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class CertificationIssuanceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anExamPassedDeliveredTwiceIssuesOneCertificationAndOneEvent() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(3);
        UUID candidate = RenewalFixtures.candidate(examDate);
        ExamPassed passed = new ExamPassed(candidate, UUID.randomUUID(), examDate, 715, null);
        UUID eventId = UUID.randomUUID();
        board.send(passed, eventId);
        board.send(passed, eventId);
        // the same pass republished under a new event id is still the same pass
        board.send(passed, UUID.randomUUID());

        JsonPath list = RenewalFixtures.awaitCertifications(candidate, l -> l.getInt("total") >= 1);
        String number = list.getString("items[0].number");
        assertThat(number).matches("CCM-" + examDate.getYear() + "-\\d{6}");
        JsonPath certification = RenewalFixtures.certification(number);
        assertThat(certification.getString("status")).isEqualTo("ACTIVE");
        assertThat(certification.getString("candidateId")).isEqualTo(candidate.toString());
        assertThat(certification.getString("firstCertifiedOn")).isEqualTo(examDate.toString());
        assertThat(certification.getString("cycleStartedOn")).isEqualTo(examDate.toString());
        assertThat(certification.getString("expiresOn")).isEqualTo(examDate.plusYears(5).toString());

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> issued = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_ISSUED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            TopicProbe.Received event = issued.get(0);
            assertThat(EventCodec.validate(EventType.CERTIFICATION_ISSUED, event.value())).isEmpty();
            assertThat(event.value()).contains("\"number\":\"" + number + "\"")
                    .contains("\"expiresOn\":\"" + examDate.plusYears(5) + "\"");
            assertThat(event.header("ce_source")).isEqualTo("/certboard/renewal");
            assertThat(event.header("ce_subject")).isEqualTo(candidate.toString());
            assertThat(event.header("ce_id")).isNotBlank();
            assertThat(event.header("ce_time")).isNotBlank();
            List<TopicProbe.Received> all = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> candidate.toString().equals(r.key())).toList();
            assertThat(all).hasSize(1);
        }
        assertThat(RenewalFixtures.awaitCertifications(candidate, l -> true).getInt("total")).isEqualTo(1);
    }

    @Test
    void aLeapDayExamExpiresOn28February() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate leapDay = LocalDate.of(today.getYear() - (today.getYear() % 4), 2, 29);
        UUID candidate = RenewalFixtures.candidate(leapDay);
        String number = board.certify(candidate, leapDay);

        assertThat(RenewalFixtures.certification(number).getString("expiresOn"))
                .isEqualTo(LocalDate.of(leapDay.getYear() + 5, 2, 28).toString());
    }

    @Test
    void passingAgainInTheLastYearRenewsByExamination() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).plusDays(100);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = board.certify(candidate, examDate);
        LocalDate expiry = examDate.plusYears(5);

        board.pass(candidate, today);

        JsonPath renewed = RenewalFixtures.awaitCertifications(candidate,
                l -> l.getString("items[0].cycleStartedOn").equals(expiry.toString()));
        assertThat(renewed.getInt("total")).isEqualTo(1);
        assertThat(renewed.getString("items[0].number")).isEqualTo(number);
        assertThat(renewed.getString("items[0].expiresOn")).isEqualTo(expiry.plusYears(5).toString());
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            TopicProbe.Received event = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_RENEWED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(EventCodec.validate(EventType.CERTIFICATION_RENEWED, event.value())).isEmpty();
            assertThat(event.value()).contains("\"method\":\"EXAM\"").contains("\"late\":false");
        }
    }

    @Test
    void passingAgainEarlierInTheCycleChangesNothing() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(1);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = board.certify(candidate, examDate);
        ExamPassed again = board.pass(candidate, today);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "IGNORED".equals(
                TestDatabase.value("select outcome from applied_exam where booking_id = ?", again.bookingId())));
        assertThat(RenewalFixtures.awaitCertifications(candidate, l -> true).getInt("total")).isEqualTo(1);
        assertThat(RenewalFixtures.certification(number).getString("cycleStartedOn")).isEqualTo(examDate.toString());
    }

    @Test
    void aLapsedCertificantWhoPassesAgainGetsANewCertification() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(60);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String first = board.certify(candidate, examDate);
        RenewalFixtures.advance("PT1S");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> RenewalFixtures.certification(first).getString("status").equals("LAPSED"));

        board.pass(candidate, today);

        JsonPath list = RenewalFixtures.awaitCertifications(candidate, l -> l.getInt("total") == 2);
        List<String> numbers = list.getList("items.number");
        String second = numbers.stream().filter(n -> !n.equals(first)).findFirst().orElseThrow();
        assertThat(RenewalFixtures.certification(second).getString("status")).isEqualTo("ACTIVE");
        assertThat(RenewalFixtures.certification(second).getString("firstCertifiedOn")).isEqualTo(today.toString());
        assertThat(RenewalFixtures.certification(first).getString("status")).isEqualTo("LAPSED");
    }

    @Test
    void aRetiredCertificantWhoPassesWithinTheReactivationWindowStaysRetired() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        UUID candidate = RenewalFixtures.candidate(today.minusYears(1));
        String number = board.certify(candidate, today.minusYears(1));
        RenewalFixtures.staff().post("/certifications/{number}/retirement", number).then().statusCode(200);

        ExamPassed again = board.pass(candidate, today);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "IGNORED".equals(
                TestDatabase.value("select outcome from applied_exam where booking_id = ?", again.bookingId())));
        assertThat(RenewalFixtures.awaitCertifications(candidate, l -> true).getInt("total")).isEqualTo(1);
        assertThat(RenewalFixtures.certification(number).getString("status")).isEqualTo("RETIRED");
    }

    @Test
    void aRetiredCertificantWhoPassesAfterTheReactivationWindowGetsANewCertificationAndTheOldOneLapses() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate retiredOn = RenewalFixtures.today();
        LocalDate examDate = retiredOn.minusDays(10);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String first = board.certify(candidate, examDate);
        RenewalFixtures.staff().post("/certifications/{number}/retirement", first).then().statusCode(200);
        assertThat(RenewalFixtures.certification(first).getString("retiredOn")).isEqualTo(retiredOn.toString());

        RenewalFixtures.advance("P5Y2D");
        LocalDate today = RenewalFixtures.today();
        assertThat(today).isAfter(retiredOn.plusYears(5));
        ExamPassed passed = board.pass(candidate, today);

        JsonPath list = RenewalFixtures.awaitCertifications(candidate, l -> l.getInt("total") == 2);
        List<String> numbers = list.getList("items.number");
        String second = numbers.stream().filter(n -> !n.equals(first)).findFirst().orElseThrow();
        assertThat(second).matches("CCM-" + today.getYear() + "-\\d{6}");
        JsonPath issued = RenewalFixtures.certification(second);
        assertThat(issued.getString("status")).isEqualTo("ACTIVE");
        assertThat(issued.getString("firstCertifiedOn")).isEqualTo(today.toString());
        assertThat(issued.getString("expiresOn")).isEqualTo(today.plusYears(5).toString());
        assertThat(RenewalFixtures.certification(first).getString("status")).isEqualTo("LAPSED");
        assertThat(TestDatabase.value("select outcome from applied_exam where booking_id = ?", passed.bookingId()))
                .isEqualTo("ISSUED");

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            TopicProbe.Received lapsed = probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(EventCodec.validate(EventType.CERTIFICATION_LAPSED, lapsed.value())).isEmpty();
            assertThat(lapsed.value()).contains("\"number\":\"" + first + "\"")
                    .contains("\"lapsedOn\":\"" + retiredOn.plusYears(5) + "\"");
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_ISSUED.type().equals(r.header("ce_type"))
                    && r.value().contains("\"number\":\"" + second + "\""), 1, Duration.ofSeconds(30));
        }
    }

    @Test
    void aPassInTheGracePeriodReleasedAfterTheLapseRenewsTheSameCertificationLateWithoutAGap() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(40);
        LocalDate expiry = examDate.plusYears(5);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String number = board.certify(candidate, examDate);
        RenewalFixtures.advance("PT1S");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> RenewalFixtures.certification(number).getString("status").equals("LAPSED"));

        // re-sat inside the grace period; the vendor releases the result only now, after the lapse
        LocalDate resat = expiry.plusDays(20);
        ExamPassed late = board.pass(candidate, resat);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "RENEWED".equals(
                TestDatabase.value("select outcome from applied_exam where booking_id = ?", late.bookingId())));
        assertThat(RenewalFixtures.awaitCertifications(candidate, l -> true).getInt("total")).isEqualTo(1);
        JsonPath renewed = RenewalFixtures.certification(number);
        assertThat(renewed.getString("status")).isEqualTo("ACTIVE");
        assertThat(renewed.getString("cycleStartedOn")).isEqualTo(expiry.toString());
        assertThat(renewed.getString("expiresOn")).isEqualTo(expiry.plusYears(5).toString());
        assertThat(renewed.getString("firstCertifiedOn")).isEqualTo(examDate.toString());

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_RENEWED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            List<TopicProbe.Received> events = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> candidate.toString().equals(r.key())).toList();
            List<String> types = events.stream().map(r -> r.header("ce_type")).toList();
            assertThat(types).containsSubsequence(EventType.CERTIFICATION_LAPSED.type(),
                    EventType.CERTIFICATION_RENEWED.type());
            assertThat(types).filteredOn(EventType.CERTIFICATION_ISSUED.type()::equals).hasSize(1);
            TopicProbe.Received renewal = events.get(types.indexOf(EventType.CERTIFICATION_RENEWED.type()));
            assertThat(EventCodec.validate(EventType.CERTIFICATION_RENEWED, renewal.value())).isEmpty();
            assertThat(renewal.value()).contains("\"number\":\"" + number + "\"").contains("\"method\":\"EXAM\"")
                    .contains("\"late\":true").contains("\"cycleStartedOn\":\"" + expiry + "\"");
        }
    }

    @Test
    void aPassAfterTheGracePeriodReleasedLateStillIssuesANewCertification() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(60);
        LocalDate expiry = examDate.plusYears(5);
        UUID candidate = RenewalFixtures.candidate(examDate);
        String first = board.certify(candidate, examDate);
        RenewalFixtures.advance("PT1S");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> RenewalFixtures.certification(first).getString("status").equals("LAPSED"));

        LocalDate resat = expiry.plusDays(31);
        board.pass(candidate, resat);

        JsonPath list = RenewalFixtures.awaitCertifications(candidate, l -> l.getInt("total") == 2);
        String second = list.<String>getList("items.number").stream().filter(n -> !n.equals(first)).findFirst()
                .orElseThrow();
        assertThat(RenewalFixtures.certification(second).getString("firstCertifiedOn")).isEqualTo(resat.toString());
        assertThat(RenewalFixtures.certification(first).getString("status")).isEqualTo("LAPSED");
    }

    @Test
    void aPassAfterTheGracePeriodIssuesANewCertificationEvenBeforeTheClockJobLapsedTheOldOne() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate examDate = today.minusYears(5).minusDays(60);
        UUID candidate = RenewalFixtures.candidate(examDate);
        // both passes at once: the second is applied before any clock job run could expire or lapse the first
        ExamPassed old = board.pass(candidate, examDate);
        board.pass(candidate, today);

        JsonPath list = RenewalFixtures.awaitCertifications(candidate, l -> l.getInt("total") == 2);
        String first = TestDatabase.value("select c.number from certification c join applied_exam a"
                + " on a.certification_id = c.id where a.booking_id = ?", old.bookingId()).toString();
        String second = list.<String>getList("items.number").stream().filter(n -> !n.equals(first)).findFirst()
                .orElseThrow();
        assertThat(RenewalFixtures.certification(first).getString("status")).isEqualTo("LAPSED");
        assertThat(RenewalFixtures.certification(second).getString("status")).isEqualTo("ACTIVE");
        assertThat(RenewalFixtures.certification(second).getString("firstCertifiedOn")).isEqualTo(today.toString());
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            List<TopicProbe.Received> events = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> candidate.toString().equals(r.key())).toList();
            assertThat(events).extracting(r -> r.header("ce_type")).containsSubsequence(
                    EventType.CERTIFICATION_ISSUED.type(), EventType.CERTIFICATION_EXPIRED.type(),
                    EventType.CERTIFICATION_LAPSED.type(), EventType.CERTIFICATION_ISSUED.type());
            assertThat(events).filteredOn(r -> EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")))
                    .singleElement().extracting(TopicProbe.Received::value).asString()
                    .contains("\"lapsedOn\":\"" + examDate.plusYears(5).plusDays(30) + "\"");
        }
    }
}
