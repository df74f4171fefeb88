package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.junit.jupiter.api.Test;

class LapseIT {

    @Test
    void withoutRenewalACertificationExpiresThenLapsesAfterExactlyOneReminderAtEachStep() {
        Board board = SystemStack.board();
        Candidate candidate = board.eligibleCandidate("Florence", "Wald");
        Sitting sitting = board.openSitting(7, 10, "Ithaca Test Centre");
        String booking = board.bookOnceAuthorised(candidate, sitting);
        board.sit(sitting);
        board.importResults(Map.of(booking, 700)).expect(200);
        String number = board.awaitCertification(candidate, Duration.ofSeconds(30)).path("number").asText();
        LocalDate expiresOn = sitting.date().plusYears(5);

        // in two jumps: past all three reminders and the expiry, then past the 30-day grace period
        board.moveClocksTo(expiresOn.plusDays(2).atTime(LocalTime.NOON).atZone(Board.ZONE).toInstant());
        board.awaitStatus(number, "EXPIRED", Duration.ofSeconds(30));
        board.moveClocksTo(expiresOn.plusDays(40).atTime(LocalTime.NOON).atZone(Board.ZONE).toInstant());
        board.awaitStatus(number, "LAPSED", Duration.ofSeconds(30));

        String key = candidate.id();
        try (TopicProbe probe = new TopicProbe(SystemStack.get().kafkaBootstrapServers(), Topics.RENEWAL_EVENTS)) {
            probe.await(r -> key.equals(r.key()) && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")),
                    1, Duration.ofSeconds(30));
            List<TopicProbe.Received> events = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> key.equals(r.key())).toList();
            List<String> types = events.stream().map(r -> r.header("ce_type")).toList();
            assertThat(types).containsExactly(EventType.CERTIFICATION_ISSUED.type(),
                    EventType.RENEWAL_REMINDER_DUE.type(), EventType.RENEWAL_REMINDER_DUE.type(),
                    EventType.RENEWAL_REMINDER_DUE.type(), EventType.CERTIFICATION_EXPIRED.type(),
                    EventType.CERTIFICATION_LAPSED.type());
            List<TopicProbe.Received> reminders = events.stream()
                    .filter(r -> EventType.RENEWAL_REMINDER_DUE.type().equals(r.header("ce_type"))).toList();
            assertThat(reminders.get(0).value()).contains("\"daysBefore\":180");
            assertThat(reminders.get(1).value()).contains("\"daysBefore\":90");
            assertThat(reminders.get(2).value()).contains("\"daysBefore\":30");
        }
    }
}
