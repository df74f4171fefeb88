package org.certboard.candidate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.certboard.devstack.testing.TestDatabase;
import org.certboard.candidate.Api;
import org.certboard.candidate.Database;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What really arrives on the candidate topic of the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class EventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registeringPublishesCandidateRegisteredWithTheSubjectAndNoEmail() {
        String subject = "person-" + java.util.UUID.randomUUID();
        String candidate = Api.registerAs(TestTokens.candidate(subject, "ada-" + subject + "@example.org"),
                "ada-" + subject + "@example.org");

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            TopicProbe.Received record = probe.await(r -> candidate.equals(r.key())
                    && EventType.CANDIDATE_REGISTERED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30))
                    .get(0);
            assertCloudEvent(record, EventType.CANDIDATE_REGISTERED, candidate);
            CandidateRegistered data = EventCodec.read(EventType.CANDIDATE_REGISTERED, record.value());
            assertThat(data.subject()).isEqualTo(subject);
            assertThat(record.value()).doesNotContain("@");
            assertThat(data.givenName()).isEqualTo("Ada");
            assertThat(data.familyName()).isEqualTo("Lovelace");
            assertThat(data.registeredAt()).isEqualTo(Instant.parse(
                    staff().get("/candidates/{id}", candidate).then().extract().path("registeredAt")));
        }
    }

    @Test
    void submittingAnEligibleApplicationPublishesExactlyOneEligibilityDecided() {
        String candidate = Api.eligibleCandidate();
        String application = Api.submit(candidate).statusCode(201).extract().path("id");
        String decidedAt = staff().get("/applications/{id}", application).then().extract().path("decidedAt");

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            probe.await(r -> candidate.equals(r.key())
                    && EventType.ELIGIBILITY_DECIDED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
            List<TopicProbe.Received> decided = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> candidate.equals(r.key()))
                    .filter(r -> EventType.ELIGIBILITY_DECIDED.type().equals(r.header("ce_type"))).toList();
            assertThat(decided).hasSize(1);

            TopicProbe.Received record = decided.get(0);
            assertCloudEvent(record, EventType.ELIGIBILITY_DECIDED, candidate);
            EligibilityDecided data = EventCodec.read(EventType.ELIGIBILITY_DECIDED, record.value());
            assertThat(data.candidateId().toString()).isEqualTo(candidate);
            assertThat(data.applicationId().toString()).isEqualTo(application);
            assertThat(data.status()).isEqualTo("APPROVED");
            assertThat(data.pathway()).isEqualTo("LICENCE_SUPERVISED_BY_CCM_12_MONTHS");
            assertThat(data.authorisedUntil()).isEqualTo(SandboxClock.today().plusMonths(12));
            assertThat(data.decidedAt()).isEqualTo(Instant.parse(decidedAt));
            assertThat(record.value()).as("named, not left to the legacy default").contains("\"program\":\"CCM\"");
        }
    }

    /** An application to ACM is announced as ACM's, beside the person's CCM application. */
    @Test
    void anAcmApplicationPublishesEligibilityDecidedForAcm() {
        String candidate = Api.eligibleCandidate();
        Api.submit(candidate).statusCode(201);
        String acm = Api.submit(candidate, "ACM").statusCode(201).extract().path("id");

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.CANDIDATE_EVENTS)) {
            List<EligibilityDecided> decided = probe.await(r -> candidate.equals(r.key())
                    && EventType.ELIGIBILITY_DECIDED.type().equals(r.header("ce_type")), 2, Duration.ofSeconds(30))
                    .stream().map(r -> EventCodec.<EligibilityDecided>read(EventType.ELIGIBILITY_DECIDED, r.value()))
                    .toList();
            assertThat(decided).extracting(EligibilityDecided::program).containsExactlyInAnyOrder("CCM", "ACM");
            EligibilityDecided acmDecided = decided.stream().filter(d -> d.program().equals("ACM")).findFirst()
                    .orElseThrow();
            assertThat(acmDecided.applicationId().toString()).isEqualTo(acm);
            assertThat(acmDecided.status()).isEqualTo("APPROVED");
            assertThat(acmDecided.authorisedUntil()).isEqualTo(SandboxClock.today().plusMonths(12));
        }
    }

    private static void assertCloudEvent(TopicProbe.Received record, EventType type, String candidate) {
        assertThat(record.key()).isEqualTo(candidate);
        assertThat(record.header("ce_type")).isEqualTo(type.type());
        assertThat(record.header("ce_source")).isEqualTo("/certboard/candidate");
        assertThat(record.header("ce_subject")).isEqualTo(candidate);
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(Instant.parse(record.header("ce_time"))).isNotNull();
        assertThat(TestDatabase.count("select count(*) from outbox_event where id = ?::uuid", record.header("ce_id")))
                .as("ce_id is the outbox row id").isEqualTo(1);
        assertThat(EventCodec.validate(type, record.value())).as("schema violations").isEqualTo(Set.<String>of());
    }
}
