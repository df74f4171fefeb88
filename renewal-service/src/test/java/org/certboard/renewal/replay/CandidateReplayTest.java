package org.certboard.renewal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventPayload;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A replay on a populated system (names changed, a name change delivered before the registration, licences, v1
 * and v2 registrations, certified people): the candidate projection afterwards is the one before, and no
 * certification is issued, renumbered or announced again.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class CandidateReplayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Set<UUID> sent = new HashSet<>();

    @Test
    void aReplayRebuildsTheSameCandidatesAndIssuesNothing() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        List<UUID> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            Instant at = Instant.now();
            if (i % 2 == 0) {
                send(board, new CandidateRegistered(candidate, "subject-" + candidate, "Grace", "Okafor", at));
            } else {
                send(board, new CandidateRegisteredV1(candidate, "Grace", "Okafor", "g@example.org", at));
            }
            // a later name change, and one stamped earlier than the registration that must not win
            send(board, new CandidateUpdated(candidate, "Grace", "Okafor-Mensah", at.plusSeconds(60)));
            send(board, new CandidateUpdated(candidate, "Grace", "Stale", at.minusSeconds(60)));
            send(board, new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NY", LocalDate.of(2031, 6, 30),
                    true));
            send(board, new LicenceRecorded(candidate, UUID.randomUUID(), "RN", "NJ", LocalDate.of(2029, 6, 30),
                    true));
            send(board, new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED", "LICENCE_ANY", null, at));
        }
        String ids = sent.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from processed_event where event_id in (" + ids + ")") == sent.size());
        String number = board.certify(candidates.get(0), RenewalFixtures.today().minusDays(2));
        awaitNoReplayRunning();
        awaitClockCaughtUp();
        String before = state(candidates);
        String certifications = TestDatabase.text(
                "select string_agg(number || '|' || candidate_id || '|' || status, ',' order by number)"
                        + " from certification");
        long outbox = TestDatabase.count("select count(*) from outbox_event");
        assertThat(before.lines()).hasSize(candidates.size()).allMatch(line -> line.contains("Okafor-Mensah"));

        RenewalFixtures.admin().post("/admin/replay").then().statusCode(202).body("state", equalTo("RUNNING"));
        awaitNoReplayRunning();

        RenewalFixtures.admin().get("/admin/replay").then().statusCode(200).body("state", equalTo("DONE"))
                .body("projection", equalTo("candidates")).body("deadLettered", equalTo(0));
        assertThat(state(candidates)).isEqualTo(before);
        assertThat(TestDatabase.text("select string_agg(number || '|' || candidate_id || '|' || status, ','"
                + " order by number) from certification")).isEqualTo(certifications).contains(number);
        assertThat(TestDatabase.count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    /**
     * Earlier test classes leave certifications whose expiry or lapse is already due; the clock job would change
     * them (and write the outbox) in the middle of this comparison. A clock move makes it catch up now.
     */
    private static void awaitClockCaughtUp() {
        RenewalFixtures.advance("PT1S");
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from certification where next_due_on <= ?", RenewalFixtures.today()) == 0);
    }

    private static void awaitNoReplayRunning() {
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                RenewalFixtures.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));
    }

    private static String state(List<UUID> candidates) {
        String ids = candidates.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        return TestDatabase.text("select string_agg(concat_ws('|', candidate_id, given_name, family_name,"
                + " name_changed_at, subject, licence_based, eligibility_decided_at, licence_expires_on), E'\\n'"
                + " order by candidate_id) from candidate where candidate_id in (" + ids + ")");
    }

    private void send(RenewalFixtures board, EventPayload event) {
        UUID id = UUID.randomUUID();
        sent.add(id);
        board.send(event, id);
    }
}
