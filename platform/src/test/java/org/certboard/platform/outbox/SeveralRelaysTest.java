package org.certboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.candidate.CandidateUpdated;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A second replica's relay beside the application's own: every event once, each candidate's in commit order. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class SeveralRelaysTest {
    private static final String TOPIC = "certboard.replicas-test.events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @Test
    void twoRelaysPublishEveryEventOnceAndEachCandidatesInOrder() throws Exception {
        OutboxRelay secondReplica = new OutboxRelay(smallBatches(), new SimpleMeterRegistry(),
                Map.of("bootstrap.servers", bootstrapServers),
                jdbcUrl, user, Optional.empty());
        secondReplica.start(new StartupEvent());
        Map<String, List<String>> committedOrder = new LinkedHashMap<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into outbox_event (id, topic, event_key, type, source, subject, occurred_at, payload)"
                        + " values (?, ?, ?, ?, '/certboard/candidate', ?, now(), ?)")) {
            List<UUID> candidates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                candidates.add(UUID.randomUUID());
            }
            for (int round = 0; round < 30; round++) {
                for (UUID candidate : candidates) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, TOPIC);
                    insert.setString(3, candidate.toString());
                    insert.setString(4, EventType.CANDIDATE_UPDATED.type());
                    insert.setString(5, candidate.toString());
                    insert.setString(6, EventCodec.toJson(new CandidateUpdated(candidate, "Given", "Family " + round,
                            Instant.now())));
                    insert.executeUpdate(); // autocommit: one transaction per event, as services write them
                    committedOrder.computeIfAbsent(candidate.toString(), k -> new ArrayList<>()).add(id.toString());
                }
            }
        } finally {
            try (TopicProbe probe = new TopicProbe(bootstrapServers, TOPIC)) {
                List<TopicProbe.Received> received = probe.await(r -> true, 300, Duration.ofSeconds(60));
                received = probe.drain(Duration.ofSeconds(1));
                Map<String, List<String>> publishedOrder = received.stream().collect(Collectors.groupingBy(
                        TopicProbe.Received::key, LinkedHashMap::new,
                        Collectors.mapping(r -> r.header("ce_id"), Collectors.toList())));
                assertThat(received).hasSize(300);
                assertThat(publishedOrder).isEqualTo(committedOrder);
            } finally {
                secondReplica.stop(new ShutdownEvent());
            }
        }
    }

    /** Small batches, so that the two relays take turns many times during the test. */
    static RelayConfig smallBatches() {
        return new RelayConfig() {
            public boolean enabled() {
                return true;
            }

            public int batchSize() {
                return 7;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(50);
            }

            public Duration linger() {
                return Duration.ZERO;
            }

            public Duration leaseRetry() {
                return Duration.ofMillis(50);
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration retention() {
                return Duration.ofDays(7);
            }

            public Duration socketTimeout() {
                return Duration.ofSeconds(30);
            }

            public Duration stallAfter() {
                return Duration.ofMinutes(2);
            }
        };
    }
}
