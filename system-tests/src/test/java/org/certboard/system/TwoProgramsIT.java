package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.certboard.devstack.scenario.TwoPrograms;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** One person holds CCM and ACM at once, each on its own clock, across the real services (issue 23). */
class TwoProgramsIT {

    @Test
    void onePersonIsCertifiedInTwoProgramsAndRenewsEachOnItsOwnClock() {
        TwoPrograms.Outcome outcome = new TwoPrograms(SystemStack.board(),
                line -> System.out.println("[two programs] " + line)).play("Mary", "Richmond");

        TwoPrograms.Held ccm = outcome.ccm();
        LocalDate ccmExpiry = ccm.sitting().date().plusYears(5);
        assertThat(ccm.number()).matches("CCM-\\d{4}-\\d{6}");
        assertThat(ccm.issued().path("program").asText()).isEqualTo("CCM");
        assertThat(ccm.issued().path("expiresOn").asText()).isEqualTo(ccmExpiry.toString());
        assertThat(ccm.progressBeforeWindow().path("requiredHours").asInt()).isEqualTo(80);
        assertThat(ccm.progressBeforeWindow().path("earnedHours").asInt()).isEqualTo(81);
        assertThat(category(ccm.progressBeforeWindow(), "ethics").path("earnedHours").asInt()).isEqualTo(8);
        assertThat(ccm.renewal().path("expiresOn").asText()).isEqualTo(ccmExpiry.plusYears(5).toString());
        assertThat(ccm.verification().path("credential").asText()).isEqualTo("Certified Case Manager (CCM)");
        assertThat(ccm.credential().achievement()).isEqualTo("Certified Case Manager (CCM)");
        assertThat(ccm.credential().certificationNumber()).isEqualTo(ccm.number());

        // ACM: four-year cycle, 40 h with 30 in case management (deploy/kubernetes/base/board-profile.yaml)
        TwoPrograms.Held acm = outcome.acm();
        LocalDate acmExpiry = acm.sitting().date().plusYears(4);
        assertThat(acm.number()).matches("ACM-\\d{4}-\\d{6}");
        assertThat(acm.issued().path("program").asText()).isEqualTo("ACM");
        assertThat(acm.issued().path("expiresOn").asText()).isEqualTo(acmExpiry.toString());
        assertThat(acm.progressBeforeWindow().path("requiredHours").asInt()).isEqualTo(40);
        assertThat(acm.progressBeforeWindow().path("earnedHours").asInt()).isEqualTo(40);
        JsonNode caseManagement = category(acm.progressBeforeWindow(), "case-management");
        assertThat(caseManagement.path("requiredHours").asInt()).isEqualTo(30);
        assertThat(caseManagement.path("earnedHours").asInt()).isEqualTo(30);
        assertThat(acm.renewal().path("expiresOn").asText()).isEqualTo(acmExpiry.plusYears(4).toString());
        assertThat(acm.verification().path("credential").asText()).isEqualTo("Accredited Case Manager (ACM)");
        assertThat(acm.verification().path("name").asText()).isEqualTo("Mary Richmond");
        assertThat(acm.credential().achievement()).isEqualTo("Accredited Case Manager (ACM)");
        assertThat(acm.credential().certificationNumber()).isEqualTo(acm.number());

        String key = outcome.candidate().id();
        try (TopicProbe probe = new TopicProbe(SystemStack.get().kafkaBootstrapServers(), Topics.CANDIDATE_EVENTS,
                Topics.EXAM_EVENTS, Topics.RENEWAL_EVENTS)) {
            for (EventType type : List.of(EventType.ELIGIBILITY_DECIDED, EventType.EXAM_PASSED,
                    EventType.CERTIFICATION_ISSUED, EventType.CERTIFICATION_RENEWED)) {
                List<TopicProbe.Received> events = probe.await(r -> key.equals(r.key())
                        && type.type().equals(r.header("ce_type")), 2, Duration.ofSeconds(30));
                assertThat(events).as(type.type()).extracting(TopicProbe.Received::value)
                        .anySatisfy(value -> assertThat(value).contains("\"program\":\"CCM\""))
                        .anySatisfy(value -> assertThat(value).contains("\"program\":\"ACM\""));
            }
        }
    }

    private static JsonNode category(JsonNode progress, String category) {
        for (JsonNode entry : progress.path("categories")) {
            if (category.equals(entry.path("category").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no category " + category + " in " + progress);
    }
}
