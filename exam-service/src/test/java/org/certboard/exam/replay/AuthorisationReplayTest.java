package org.certboard.exam.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.platform.testing.Requests;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A replay on a populated system (decisions out of order, a redelivery, bookings made): the authorisations and
 * accounts afterwards are those before, and no booking or outbox row was added or renumbered.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class AuthorisationReplayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Set<UUID> sent = new HashSet<>();

    @Test
    void aReplayRebuildsTheSameAuthorisationsAndAccountsAndWritesNothingElse() {
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            Instant decidedAt = Instant.now();
            send(new CandidateRegistered(candidate, "account-" + candidate, "Ada", "Lovelace", decidedAt),
                    UUID.randomUUID());
            UUID approval = UUID.randomUUID();
            EligibilityDecided approved = new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "A",
                    SandboxClock.today().plusYears(1), decidedAt);
            send(approved, approval);
            send(approved, approval);
            send(new EligibilityDecided(candidate, UUID.randomUUID(), "DENIED", "A", null,
                    decidedAt.minusSeconds(60)), UUID.randomUUID());
            if (i % 3 == 2) {
                send(new EligibilityDecided(candidate, UUID.randomUUID(), "WITHDRAWN", null, null,
                        decidedAt.plusSeconds(60)), UUID.randomUUID());
            }
        }
        String ids = sent.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from processed_event where event_id in (" + ids + ")") == sent.size());
        ExamFixtures.book(candidates.get(0), ExamFixtures.sittingInDays(10, 3));
        awaitNoReplayRunning();
        String before = state(candidates);
        long outbox = TestDatabase.count("select count(*) from outbox_event");
        long bookings = TestDatabase.count("select count(*) from booking");
        assertThat(before.lines()).hasSize(2 * candidates.size());

        Requests.admin().post("/admin/replay").then().statusCode(202).body("state", equalTo("RUNNING"));
        awaitNoReplayRunning();

        Requests.admin().get("/admin/replay").then().statusCode(200).body("state", equalTo("DONE"))
                .body("projection", equalTo("authorisations")).body("deadLettered", equalTo(0));
        assertThat(state(candidates)).isEqualTo(before);
        assertThat(TestDatabase.count("select count(*) from outbox_event")).isEqualTo(outbox);
        assertThat(TestDatabase.count("select count(*) from booking")).isEqualTo(bookings);
    }

    static void awaitNoReplayRunning() {
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                Requests.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));
    }

    /** The projection rows of these candidates, as text in a fixed order. */
    private static String state(List<UUID> candidates) {
        String ids = candidates.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        return TestDatabase.text("select string_agg(line, E'\\n' order by line) from ("
                + " select concat_ws('|', 'A', candidate_id, application_id, status, authorised_until, decided_at) line"
                + " from authorisation where candidate_id in (" + ids + ")"
                + " union all select concat_ws('|', 'C', candidate_id, subject) from candidate_account"
                + " where candidate_id in (" + ids + ")) t");
    }

    private void send(EventPayload event, UUID eventId) {
        EventType type = EventType.of(event);
        sent.add(eventId);
        TopicProbe.send(bootstrapServers, type.topic(), event.candidateId().toString(), EventCodec.toJson(event),
                Map.of("ce_id", eventId.toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                        "ce_subject", event.candidateId().toString(), "ce_time", Instant.now().toString(),
                        "ce_specversion", "1.0"));
    }
}
