package org.certboard.candidate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.certboard.events.Topics;
import org.certboard.events.candidate.NameChangeDecided;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.RenewalReminderDue;
import org.certboard.events.renewal.RenewalSampledForAudit;
import org.certboard.platform.testing.Requests;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Mail to people, end to end: events on the real topics, the mail channel, the sender and a real SMTP server
 * (GreenMail in this JVM).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
@WithTestResource(SmtpServer.class)
class MailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aDecisionIsMailedOnceInTextAndHtmlWithAMessageIdOfItsEventAndRecipient() throws Exception {
        String email = Api.uniqueEmail();
        String candidate = Api.register(email);
        Api.addLicence(candidate, "RN", SandboxClock.today().plusYears(2));
        Api.addExperience(candidate, 13, false);
        Api.submit(candidate).statusCode(201).body("status", equalTo("APPROVED"));

        MimeMessage mail = awaitMail(email, 1).get(0);
        String eventId = TestDatabase.text("select id::text from outbox_event where type = ? and subject = ?",
                EventType.ELIGIBILITY_DECIDED.type(), candidate);
        assertThat(mail.getMessageID()).isEqualTo(MailIntake.messageId(UUID.fromString(eventId), email,
                "certboard.example"));
        assertThat(mail.getSubject()).isEqualTo("The Certification Board: Your application has been decided");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@certboard.example");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(text(parts, "text/plain")).contains("Dear Ada Lovelace").contains("APPROVED")
                .contains("valid until");
        assertThat(text(parts, "text/html")).contains("<strong>APPROVED</strong>");

        await().atMost(PATIENCE).untilAsserted(() -> Requests.staff().get("/candidates/{id}/mail", candidate).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("SENT"))
                .body("items[0].kind", equalTo("APPLICATION_DECIDED"))
                .body("items[0].messageId", equalTo(mail.getMessageID()))
                .body("items[0].recipient", equalTo(email)));

        // the same event again (a redelivery, or the producer's relay sending it twice): no second mail
        String payload = TestDatabase.text("select payload from outbox_event where id = ?::uuid", eventId);
        TopicProbe.send(bootstrapServers, Topics.CANDIDATE_EVENTS, candidate, payload, headers(
                EventType.ELIGIBILITY_DECIDED, UUID.fromString(eventId), candidate));
        // a later event of the same key on the same topic: once its mail is out, the repeat has been read
        send(Topics.CANDIDATE_EVENTS, EventType.NAME_CHANGE_DECIDED, candidate, new NameChangeDecided(
                UUID.fromString(candidate), UUID.randomUUID(), false, false, Instant.now(),
                new Actor("staff-functional-tests", "staff")));
        assertThat(subject(awaitMail(email, 2).get(1))).endsWith("Your name-change request has been decided");
        assertThat(TestDatabase.count("select count(*) from mail where candidate_id = ?::uuid", candidate))
                .isEqualTo(2);
        assertThat(SmtpServer.receivedBy(email)).hasSize(2);
    }

    @Test
    void aBookingIsConfirmedThenMovedAndACertificateLinksItsVerificationPage() throws Exception {
        String email = Api.uniqueEmail();
        String candidate = Api.register(email);
        UUID booking = UUID.randomUUID();
        sendExamBooked(candidate, booking);
        awaitMail(email, 1);
        sendExamBooked(candidate, booking);
        send(Topics.RENEWAL_EVENTS, EventType.CERTIFICATION_ISSUED, candidate, new CertificationIssued(
                UUID.fromString(candidate), "CCM-2026-000777", LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 10),
                LocalDate.of(2031, 4, 10)));
        send(Topics.RENEWAL_EVENTS, EventType.RENEWAL_SAMPLED_FOR_AUDIT, candidate, new RenewalSampledForAudit(
                UUID.fromString(candidate), "CCM-2026-000777", UUID.randomUUID(), Instant.now()));

        List<MimeMessage> mails = awaitMail(email, 4);
        assertThat(mails.stream().map(MailTest::subject).toList()).containsExactly(
                "The Certification Board: Your exam booking is confirmed",
                "The Certification Board: Your exam booking has moved",
                "The Certification Board: You are certified: CCM-2026-000777",
                "The Certification Board: Your renewal of CCM-2026-000777 was selected for a CE audit");
        assertThat(text((MimeMultipart) mails.get(2).getContent(), "text/plain"))
                .contains("https://renewals.certboard.example/verify/CCM-2026-000777");
    }

    /** Sent back to back, the two usually share a poll, which is written as one set: the second is still the move. */
    @Test
    void aBookingAndItsMoveInOnePollAreConfirmedThenMoved() {
        String email = Api.uniqueEmail();
        String candidate = Api.register(email);
        UUID booking = UUID.randomUUID();
        sendExamBooked(candidate, booking);
        sendExamBooked(candidate, booking);

        awaitMail(email, 2);
        assertThat(TestDatabase.text("select string_agg(kind, ',' order by kind) from mail"
                + " where candidate_id = ?::uuid", candidate)).isEqualTo("BOOKING_CONFIRMED,BOOKING_MOVED");
    }

    /** A person holding two certifications reads which one a mail is about; an event without program is CCM's. */
    @Test
    void mailAboutACertificationNamesItsCredential() throws Exception {
        String email = Api.uniqueEmail();
        String candidate = Api.register(email);
        UUID id = UUID.fromString(candidate);
        send(Topics.RENEWAL_EVENTS, EventType.CERTIFICATION_ISSUED, candidate, new CertificationIssued(id,
                "ACM-2026-000031", LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 10), LocalDate.of(2030, 4, 10),
                "ACM"));
        send(Topics.RENEWAL_EVENTS, EventType.RENEWAL_REMINDER_DUE, candidate, new RenewalReminderDue(id,
                "CCM-2021-000007", 90, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 31)));

        List<MimeMessage> mails = awaitMail(email, 2);
        assertThat(mails.stream().map(MailTest::subject).toList()).containsExactly(
                "The Certification Board: You are certified: ACM-2026-000031",
                "The Certification Board: Your certification CCM-2021-000007 expires in 90 days");
        assertThat(text((MimeMultipart) mails.get(0).getContent(), "text/plain"))
                .contains("you hold the Accredited Case Manager (ACM) credential");
        assertThat(text((MimeMultipart) mails.get(1).getContent(), "text/plain"))
                .contains("your Certified Case Manager (CCM) certification CCM-2021-000007 expires on 2026-05-31");
        assertThat(text((MimeMultipart) mails.get(1).getContent(), "text/html"))
                .contains("your Certified Case Manager (CCM) certification CCM-2021-000007 expires on 2026-05-31");
    }

    /** An expiry says whether a late renewal can still restore the certification: ACM has none, CCM 30 days. */
    @Test
    void anExpirySaysWhetherALateRenewalRemains() throws Exception {
        String email = Api.uniqueEmail();
        String candidate = Api.register(email);
        UUID id = UUID.fromString(candidate);
        LocalDate expiry = LocalDate.of(2030, 4, 10);
        send(Topics.RENEWAL_EVENTS, EventType.CERTIFICATION_EXPIRED, candidate, new CertificationExpired(id,
                "ACM-2026-000031", expiry, "ACM", expiry));
        send(Topics.RENEWAL_EVENTS, EventType.CERTIFICATION_EXPIRED, candidate, new CertificationExpired(id,
                "CCM-2025-000007", expiry, "CCM", expiry.plusDays(30)));
        send(Topics.RENEWAL_EVENTS, EventType.CERTIFICATION_EXPIRED, candidate, new CertificationExpired(id,
                "CCM-2024-000003", expiry));

        List<String> texts = new ArrayList<>();
        for (MimeMessage mail : awaitMail(email, 3)) {
            texts.add(text((MimeMultipart) mail.getContent(), "text/plain"));
        }
        assertThat(texts).satisfiesExactlyInAnyOrder(
                acm -> assertThat(acm).contains("ACM-2026-000031 expired on 2030-04-10. It cannot be renewed late"),
                ccm -> assertThat(ccm).contains("CCM-2025-000007 expired on 2030-04-10. A late renewal within 30 days"),
                legacy -> assertThat(legacy).contains("CCM-2024-000003 expired on 2030-04-10. A late renewal may"));
    }

    @Test
    void aProjectionReplaySendsNothingAndARepublishedDeadLetterIsMailed() throws Exception {
        String email = Api.uniqueEmail();
        String candidate = Api.register(email);
        sendExamBooked(candidate, UUID.randomUUID());
        awaitMail(email, 1);
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                Requests.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));
        long mails = TestDatabase.count("select count(*) from mail");

        Requests.admin().post("/admin/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(
                Requests.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));
        Thread.sleep(2_000);
        assertThat(TestDatabase.count("select count(*) from mail")).as("a replay writes no mail").isEqualTo(mails);
        assertThat(SmtpServer.receivedBy(email)).hasSize(1);

        // a booking the timeline had dead-lettered (parked as its consumer parks one), re-published by the operator
        UUID booking = UUID.randomUUID();
        UUID deadLetter = UUID.randomUUID();
        park(deadLetter, candidate, new ExamBooked(UUID.fromString(candidate), booking, UUID.randomUUID(), "Albany",
                Instant.now().plus(Duration.ofDays(20))));
        Requests.admin().post("/admin/dead-letters/{id}/republish", deadLetter).then().statusCode(204);
        List<MimeMessage> received = awaitMail(email, 2);
        assertThat(received.get(1).getMessageID()).startsWith("<" + deadLetter + ".");
    }

    @Test
    void aRefusedAddressAndABounceAreRecordedAndListedForStaff() throws Exception {
        String refusedEmail = SmtpServer.REFUSED_PREFIX + "-" + UUID.randomUUID() + "@example.org";
        String refused = Api.register(refusedEmail);
        sendExamBooked(refused, UUID.randomUUID());
        await().atMost(PATIENCE).untilAsserted(() -> Requests.staff().get("/candidates/{id}/mail", refused).then()
                .body("items[0].status", equalTo("REFUSED")).body("items[0].problem", containsString("550")));
        assertThat(SmtpServer.receivedBy(refusedEmail)).isEmpty();

        String email = Api.uniqueEmail();
        String bounced = Api.register(email);
        sendExamBooked(bounced, UUID.randomUUID());
        String messageId = awaitMail(email, 1).get(0).getMessageID();
        await().atMost(PATIENCE).until(() -> "SENT".equals(TestDatabase.text(
                "select status from mail where message_id = ?", messageId)));
        Map<String, String> report = Map.of("messageId", messageId, "reason", "5.1.1 user unknown");
        Requests.staff().contentType(ContentType.JSON).body(report).post("/mail/bounces").then().statusCode(403);
        Requests.admin().contentType(ContentType.JSON).body(Map.of("messageId", messageId)).post("/mail/bounces").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("reason"));
        Requests.admin().contentType(ContentType.JSON).body(Map.of("messageId", "<nobody@certboard.example>", "reason",
                "x")).post("/mail/bounces").then().statusCode(404);
        assertThat(TestDatabase.text("select status from mail where message_id = ?", messageId)).isEqualTo("SENT");
        Requests.admin().contentType(ContentType.JSON).body(report).post("/mail/bounces").then().statusCode(204);

        Requests.staff().get("/candidates/{id}/mail", bounced).then().body("items[0].status", equalTo("BOUNCED"))
                .body("items[0].problem", equalTo("5.1.1 user unknown"));
        Requests.staff().queryParam("size", 100).get("/mail/problems").then().statusCode(200)
                .body("items.messageId", hasItem(messageId))
                .body("items.recipient", hasItem(refusedEmail));
        RestAssured.given().get(management + "metrics").then()
                .body(containsString("certboard_mail_refused_total"))
                .body(containsString("certboard_mail_bounced_total"))
                .body(containsString("certboard_mail_sent_total"));
    }

    @Test
    void onlyStaffReadAPersonsMail() {
        Api.Person person = Api.registerPerson();
        Requests.as(person.token()).get("/candidates/{id}/mail", person.id()).then().statusCode(403);
        Requests.as(person.token()).get("/mail/problems").then().statusCode(403);
        Requests.staff().get("/candidates/{id}/mail", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void sendExamBooked(String candidate, UUID booking) {
        send(Topics.EXAM_EVENTS, EventType.EXAM_BOOKED, candidate, new ExamBooked(UUID.fromString(candidate),
                booking, UUID.randomUUID(), "Albany", Instant.now().plus(Duration.ofDays(30))));
    }

    private UUID send(String topic, EventType type, String candidate, EventPayload event) {
        UUID id = UUID.randomUUID();
        TopicProbe.send(bootstrapServers, topic, candidate, EventCodec.toJson(event), headers(type, id, candidate));
        return id;
    }

    private static Map<String, String> headers(EventType type, UUID id, String candidate) {
        return Map.of("ce_id", id.toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                "ce_subject", candidate, "ce_time", Instant.now().toString(), "ce_specversion", "1.0");
    }

    /** Parks an event as the timeline's consumer parks a dead letter (platform's DeadLetterParking). */
    private static void park(UUID id, String candidate, ExamBooked event) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into parked_event (topic, event_key, event_id, type, source, subject, occurred_at, payload,
                    dead_letter, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, true, 'a bug in the handler, since fixed')""")) {
            insert.setString(1, Topics.EXAM_EVENTS);
            insert.setString(2, candidate);
            insert.setObject(3, id);
            insert.setString(4, EventType.EXAM_BOOKED.type());
            insert.setString(5, EventType.EXAM_BOOKED.service().source());
            insert.setString(6, candidate);
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.setString(8, EventCodec.toJson(event));
            insert.executeUpdate();
        }
    }

    private static List<MimeMessage> awaitMail(String recipient, int count) {
        await().atMost(PATIENCE).until(() -> SmtpServer.receivedBy(recipient).size() >= count);
        return SmtpServer.receivedBy(recipient);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMultipart parts, String type) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = text(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
