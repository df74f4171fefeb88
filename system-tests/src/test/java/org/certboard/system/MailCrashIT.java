package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.certboard.devstack.KafkaBroker;
import org.certboard.devstack.Ports;
import org.certboard.devstack.PostgresServer;
import org.certboard.devstack.ServiceProcess;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.exam.ExamBooked;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * At-least-once mail with a stable Message-ID: the packaged candidate-service is made to halt right after the SMTP
 * server accepted a mail and before the mail's row is marked SENT ({@code certboard.mail.crash-after-accept}, a
 * test-only switch). Started again without it, the service sends that mail once more, with the same Message-ID, and
 * then never again: at most one resend, no loss. Kafka, PostgreSQL and the SMTP server (GreenMail) are real; the
 * service runs in a JVM of its own.
 */
class MailCrashIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSenderKilledBetweenTheServersAcceptAndItsCommitResendsOnceWithTheSameMessageId() throws Exception {
        Path state = Files.createTempDirectory("certboard-mail-crash");
        String database = "it_mail_" + UUID.randomUUID().toString().substring(0, 8);
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        KafkaBroker kafka = KafkaBroker.start(state.resolve("kafka"), Ports.free(), Ports.free());
        PostgresServer postgres = PostgresServer.runningOrEmbedded(state.resolve("postgres"), Ports.free());
        try {
            kafka.createTopics(Topics.ALL, 3);
            postgres.createDatabaseIfMissing(database);
            Map<String, String> config = new HashMap<>(postgres.datasourceConfig(database));
            config.putAll(TestTokens.serviceConfig());
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()));
            config.put("certboard.mail.poll-interval", "200ms");
            // the packaged service runs in its prod profile: it needs the key that seals webhook secrets (a local one)
            config.put("certboard.webhooks.secret-key", "Y2VydGJvYXJkLXNhbmRib3gtd2ViaG9vay1rZXktMzI=");
            Map<String, String> crashing = new HashMap<>(config);
            crashing.put("certboard.mail.crash-after-accept", "true");

            String email = "grace-" + UUID.randomUUID() + "@example.org";
            ServiceProcess first = start(crashing, state.resolve("first.log"));
            String candidate;
            try {
                candidate = register(first, email);
                UUID event = UUID.randomUUID();
                TopicProbe.send(kafka.bootstrapServers(), Topics.EXAM_EVENTS, candidate, EventCodec.toJson(
                        new ExamBooked(UUID.fromString(candidate), UUID.randomUUID(), UUID.randomUUID(), "Albany",
                                Instant.now().plus(Duration.ofDays(30)))), Map.of("ce_id", event.toString(),
                                        "ce_type", EventType.EXAM_BOOKED.type(), "ce_source",
                                        EventType.EXAM_BOOKED.service().source(), "ce_subject", candidate, "ce_time",
                                        Instant.now().toString(), "ce_specversion", "1.0"));
                // the service halts itself once the server has the mail
                ProcessHandle process = ProcessHandle.of(first.pid()).orElseThrow();
                Ports.await("candidate-service to halt after the SMTP accept", Duration.ofSeconds(90),
                        () -> !process.isAlive());
            } finally {
                first.close();
            }
            List<MimeMessage> beforeRestart = receivedBy(smtp, email);
            assertThat(beforeRestart).as("the server accepted the mail before the crash").hasSize(1);
            String messageId = beforeRestart.get(0).getMessageID();
            assertThat(status(postgres, database, messageId)).as("the crash came before the commit")
                    .isEqualTo("PENDING");

            ServiceProcess second = start(config, state.resolve("second.log"));
            try {
                Ports.await("the mail to be marked SENT after the restart", Duration.ofSeconds(60),
                        () -> "SENT".equals(status(postgres, database, messageId)));
                // settle: a sender that kept resending would show it within a few polls
                Thread.sleep(3_000);
                List<MimeMessage> received = receivedBy(smtp, email);
                assertThat(received).as("one resend, no loss").hasSize(2);
                assertThat(received).extracting(MailCrashIT::messageId).containsOnly(messageId);
                assertThat(count(postgres, database, candidate)).isEqualTo(1);
            } finally {
                second.close();
            }
        } finally {
            kafka.stop();
            postgres.dropDatabase(database);
            postgres.close();
            smtp.stop();
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static ServiceProcess start(Map<String, String> config, Path log) {
        ServiceProcess service = ServiceProcess.start(SystemStack.root(), "candidate-service", Ports.free(),
                Ports.free(), ServiceProcess.LOCAL_JVM, config, log);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    private static String register(ServiceProcess service, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/candidates"))
                .header("Authorization", "Bearer " + TestTokens.token("staff-mail-crash", "staff"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Grace\",\"familyName\":\"Okafor\","
                        + "\"email\":\"" + email + "\",\"dateOfBirth\":\"1984-03-02\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static List<MimeMessage> receivedBy(GreenMail smtp, String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(PostgresServer postgres, String database, String messageId) {
        return query(postgres, database, "select status from mail where message_id = ?", messageId);
    }

    private static long count(PostgresServer postgres, String database, String candidate) {
        return Long.parseLong(query(postgres, database, "select count(*)::text from mail where candidate_id = ?::uuid",
                candidate));
    }

    private static String query(PostgresServer postgres, String database, String sql, String parameter) {
        try (Connection connection = postgres.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
