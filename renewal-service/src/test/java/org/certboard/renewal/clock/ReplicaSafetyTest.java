package org.certboard.renewal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Several clock-job runs at once, as several replicas would start them, still emit each event once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class ReplicaSafetyTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ClockJobRunner runner;

    @Test
    void concurrentRunsEmitEachReminderAndStatusChangeOnce() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusYears(5).plusDays(200);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.certify(candidate, examDate);

        RenewalFixtures.advance("P1Y");
        runner.runConcurrently(4);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.RENEWAL_EVENTS)) {
            probe.await(r -> candidate.toString().equals(r.key())
                    && EventType.CERTIFICATION_LAPSED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            List<String> types = probe.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> candidate.toString().equals(r.key())).map(r -> r.header("ce_type")).toList();
            assertThat(types).containsExactly(EventType.CERTIFICATION_ISSUED.type(),
                    EventType.RENEWAL_REMINDER_DUE.type(), EventType.RENEWAL_REMINDER_DUE.type(),
                    EventType.RENEWAL_REMINDER_DUE.type(), EventType.CERTIFICATION_EXPIRED.type(),
                    EventType.CERTIFICATION_LAPSED.type());
        }
        assertThat(TestDatabase.value("select count(*) from reminder_sent rs join certification c"
                + " on c.id = rs.certification_id where c.candidate_id = ?", candidate)).isEqualTo(3L);
    }
}
