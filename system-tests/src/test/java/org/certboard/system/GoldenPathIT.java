package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.GoldenPath;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.junit.jupiter.api.Test;

class GoldenPathIT {

    @Test
    void aCandidateIsCertifiedForFiveYearsAndRenewsWithoutAGap() {
        Board board = SystemStack.board();
        GoldenPath.Outcome outcome = new GoldenPath(board, line -> System.out.println("[golden path] " + line))
                .play("Ada", "Nightingale");

        LocalDate examDate = outcome.sitting().date();
        LocalDate expiresOn = examDate.plusYears(5);
        assertThat(outcome.certification().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(outcome.certification().path("firstCertifiedOn").asText()).isEqualTo(examDate.toString());
        assertThat(outcome.certification().path("cycleStartedOn").asText()).isEqualTo(examDate.toString());
        assertThat(outcome.certification().path("expiresOn").asText()).isEqualTo(expiresOn.toString());
        assertThat(outcome.certification().path("number").asText()).matches("CCM-\\d{4}-\\d{6}");
        assertThat(outcome.progressBeforeWindow().path("earnedHours").asInt()).isEqualTo(80);
        assertThat(outcome.progressBeforeWindow().path("earnedEthicsHours").asInt()).isEqualTo(8);
        assertThat(outcome.progressBeforeWindow().path("canRenew").asBoolean()).isFalse();

        assertThat(outcome.renewedExpiresOn()).isEqualTo(expiresOn.plusYears(5));
        String number = outcome.certification().path("number").asText();
        assertThat(board.certification(number).path("cycleStartedOn").asText()).isEqualTo(expiresOn.toString());
        assertThat(outcome.verification().path("name").asText()).isEqualTo("Ada Nightingale-Seacole");
        assertThat(outcome.verification().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(outcome.verification().path("firstCertifiedOn").asText()).isEqualTo(examDate.toString());
        assertThat(outcome.verification().path("validUntil").asText()).isEqualTo(expiresOn.plusYears(5).toString());
        assertThat(outcome.verification().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "credential", "status", "firstCertifiedOn", "validUntil");

        String key = outcome.candidate().id();
        try (TopicProbe probe = new TopicProbe(SystemStack.get().kafkaBootstrapServers(), Topics.CANDIDATE_EVENTS,
                Topics.EXAM_EVENTS, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> passed = probe.await(r -> key.equals(r.key())
                    && EventType.EXAM_PASSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            assertThat(passed).hasSize(1);
            assertThat(passed.get(0).value()).contains("\"examDate\":\"" + examDate + "\"");
            List<TopicProbe.Received> all = probe.await(r -> key.equals(r.key())
                    && EventType.CERTIFICATION_RENEWED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            assertThat(all).hasSize(1);
            for (TopicProbe.Received event : probe.drain(Duration.ofMillis(500))) {
                if (key.equals(event.key())) {
                    EventType type = EventType.ofType(event.header("ce_type")).orElseThrow();
                    assertThat(EventCodec.validate(type, event.value())).as(type.type()).isEmpty();
                    assertThat(event.header("ce_subject")).isEqualTo(key);
                }
            }
        }
    }
}
