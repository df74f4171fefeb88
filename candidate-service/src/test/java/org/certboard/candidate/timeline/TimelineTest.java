package org.certboard.candidate.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.Actor;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.RenewalReminderDue;
import org.certboard.platform.testing.Requests;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Against the real broker and database: candidate-service's own events go through its outbox and relay, and exam-
 * and renewal-service's events are published to their topics as those services would (CloudEvents headers, keyed by
 * the candidate) — deliberately in another order than they happened, and one of them twice.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class TimelineTest {
    private static final Actor VENDOR = new Actor("vendor-account-7", "vendor");
    private static final Actor STAFF = new Actor("staff-member-3", "staff");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theTimelineTellsThePathAcrossTheThreeServicesInBusinessOrderWithWhoDecided() {
        Api.Person person = Api.registerPerson();
        String token = person.token();
        String candidate = person.id();
        Api.addLicence(candidate, "RN", SandboxClock.today().plusYears(2));
        Api.addExperience(candidate, 13, false);
        Api.submit(candidate).statusCode(201);
        UUID id = UUID.fromString(candidate);
        Instant t = SandboxClock.now().plusSeconds(3600);

        UUID booking = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        Instant firstSitting = t.plus(Duration.ofDays(20));
        Instant sitting = t.plus(Duration.ofDays(30));
        LocalDate examDay = LocalDate.ofInstant(sitting, ZoneOffset.UTC);
        Instant renewedAt = t.plus(Duration.ofDays(5 * 365 - 10));
        // renewal's events first, then exam's: arrival order is not the order of the path
        send(new CertificationRenewed(id, "CCM-2026-000042", "CE", false, examDay.plusYears(5),
                examDay.plusYears(10), STAFF), renewedAt, UUID.randomUUID());
        send(new AuditDecided(id, "CCM-2026-000042", UUID.randomUUID(), true, renewedAt, STAFF), renewedAt,
                UUID.randomUUID());
        send(new RenewalReminderDue(id, "CCM-2026-000042", 180, examDay.plusYears(5).minusDays(180),
                examDay.plusYears(5)), renewedAt.minus(Duration.ofDays(170)), UUID.randomUUID());
        send(new CeCreditLogged(id, "CCM-2026-000042", UUID.randomUUID(), new BigDecimal("12.5"), true,
                examDay.plusYears(1)), t.plus(Duration.ofDays(400)), UUID.randomUUID());
        send(new CertificationIssued(id, "CCM-2026-000042", examDay, examDay, examDay.plusYears(5)),
                sitting.plus(Duration.ofDays(2)).plusSeconds(5), UUID.randomUUID());
        send(new ExamBooked(id, booking, UUID.randomUUID(), "Albany", firstSitting), t.plus(Duration.ofDays(1)),
                UUID.randomUUID());
        send(new ExamBooked(id, dropped, UUID.randomUUID(), "Buffalo", sitting), t.plus(Duration.ofDays(2)),
                UUID.randomUUID());
        send(new BookingCancelled(id, dropped, UUID.randomUUID(), t.plus(Duration.ofDays(3))),
                t.plus(Duration.ofDays(3)), UUID.randomUUID());
        send(new ExamBooked(id, booking, UUID.randomUUID(), "Albany", sitting), t.plus(Duration.ofDays(4)),
                UUID.randomUUID());
        UUID passed = UUID.randomUUID();
        ExamPassed pass = new ExamPassed(id, booking, examDay, 612, VENDOR);
        send(pass, sitting.plus(Duration.ofDays(2)), passed);
        send(pass, sitting.plus(Duration.ofDays(2)), passed);

        List<String> expected = List.of("REGISTERED", "EVIDENCE_ADDED", "EVIDENCE_ADDED", "DECIDED", "BOOKED",
                "BOOKED", "CANCELLED", "RESCHEDULED", "SAT", "RESULT", "CERTIFIED", "CE_LOGGED", "REMINDER",
                "AUDITED", "RENEWED");
        await().atMost(Duration.ofSeconds(60)).until(() -> Requests.staff().get("/candidates/{id}/timeline", candidate)
                .then().statusCode(200).extract().jsonPath().getList("items.step").size() >= expected.size());
        JsonPath timeline = Requests.staff().get("/candidates/{id}/timeline", candidate).then().statusCode(200).extract()
                .jsonPath();

        assertThat(timeline.getList("items.step", String.class)).containsExactlyElementsOf(expected);
        assertThat(timeline.getList("items.service", String.class)).containsExactly("candidate", "candidate", "candidate",
                "candidate", "exam", "exam", "exam", "exam", "exam", "exam", "renewal", "renewal", "renewal",
                "renewal", "renewal");
        assertThat(timeline.getList("items.detail.kind", String.class).subList(1, 3))
                .containsExactly("LICENCE", "EXPERIENCE");
        assertThat(timeline.getString("items[3].detail.status")).isEqualTo("APPROVED");
        assertThat(timeline.getString("items[4].detail.bookingId")).isEqualTo(booking.toString());
        assertThat(timeline.getString("items[5].detail.bookingId")).isEqualTo(dropped.toString());
        assertThat(timeline.getString("items[6].detail.bookingId")).isEqualTo(dropped.toString());
        assertThat(timeline.getString("items[7].detail.site")).isEqualTo("Albany");
        // sat at the start of the sitting the booking was last moved to, not when the result came
        assertThat(Instant.parse(timeline.getString("items[8].at"))).isEqualTo(sitting);
        assertThat(timeline.getMap("items[9].actor")).isEqualTo(Map.of("subject", "vendor-account-7", "role", "vendor"));
        assertThat(timeline.getInt("items[9].detail.scaledScore")).isEqualTo(612);
        assertThat(timeline.getMap("items[13].actor")).isEqualTo(Map.of("subject", "staff-member-3", "role", "staff"));
        assertThat(timeline.getBoolean("items[13].detail.accepted")).isTrue();
        assertThat(timeline.getString("items[14].detail.method")).isEqualTo("CE");
        // an event from before programs is about CCM, and the step names the credential
        assertThat(timeline.getString("items[14].detail.program")).isEqualTo("CCM");
        assertThat(timeline.getString("items[14].detail.credential")).isEqualTo("Certified Case Manager (CCM)");
        assertThat(timeline.getString("items[3].detail.program")).isEqualTo("CCM");
        assertThat(timeline.getList("items.at", String.class)).extracting(Instant::parse).isSorted();
        // the result delivered twice is told once
        assertThat(TestDatabase.count("select count(*) from timeline_entry where event_id = ?", passed)).isEqualTo(2);

        assertThat(Requests.as(token).get("/candidates/me/timeline").then().statusCode(200).extract().jsonPath()
                .getList("items.step", String.class)).containsExactlyElementsOf(expected);
        // paged like every list: the same steps, a few at a time, with the total
        JsonPath second = Requests.as(token).queryParam("page", 1).queryParam("size", 4).get("/candidates/me/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.step", String.class)).containsExactlyElementsOf(expected.subList(4, 8));
        assertThat(second.getLong("total")).isEqualTo(expected.size());
        JsonPath beyond = Requests.staff().queryParam("page", 9).get("/candidates/{id}/timeline", candidate).then()
                .statusCode(200).extract().jsonPath();
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("total")).isEqualTo(expected.size());
    }

    @Test
    void anUnknownCandidateHasNoTimeline() {
        Requests.staff().get("/candidates/{id}/timeline", UUID.randomUUID()).then().statusCode(404);
    }

    private void send(EventPayload event, Instant time, UUID eventId) {
        EventType type = EventType.of(event);
        TopicProbe.send(bootstrapServers, type.topic(), event.candidateId().toString(), EventCodec.toJson(event),
                Map.of("ce_id", eventId.toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                        "ce_subject", event.candidateId().toString(), "ce_time", time.toString(),
                        "ce_specversion", "1.0"));
    }
}
