package org.certboard.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.devstack.testing.UnusualValues;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.events.exam.ExamPassed;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unusual but valid values candidate-service accepts (the same {@link UnusualValues}) reach renewal-service's
 * consumers through the real broker and are applied, none dead-lettered: names shown by verification exactly, the
 * highest score, a leap-day exam, a licence and an authorisation running to the last four-digit date.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class UnusualValuesTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyUnusualValueIsAppliedAndNoneIsDeadLettered() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate today = RenewalFixtures.today();
        LocalDate leapDay = LocalDate.of(today.getYear() - (today.getYear() % 4), 2, 29);
        List<UUID> candidates = new ArrayList<>();
        for (UnusualValues.Person person : UnusualValues.people(UUID.randomUUID().toString().substring(0, 8))) {
            UUID candidate = RenewalFixtures.candidate(leapDay);
            candidates.add(candidate);
            board.send(new CandidateRegistered(candidate, person.email(), person.givenName(), person.familyName(),
                    Instant.now()));
            board.send(new EligibilityDecided(candidate, UUID.randomUUID(), "APPROVED",
                    "LICENCE_ANY_SUPERVISOR_24_MONTHS", UnusualValues.LAST_DATE, Instant.now(), "LCSW", null));
            board.send(new LicenceRecorded(candidate, UUID.randomUUID(), "LCSW", "Québec", UnusualValues.LAST_DATE,
                    true));
            board.send(new ExamPassed(candidate, UUID.randomUUID(), leapDay, UnusualValues.HIGHEST_SCORE, null));
            String number = RenewalFixtures.awaitCertifications(candidate, l -> l.getInt("total") == 1)
                    .getString("items[0].number");
            await().atMost(Duration.ofSeconds(30)).until(() -> (person.givenName() + " " + person.familyName())
                    .equals(RenewalFixtures.staff().get("/verify/{number}", number).then().statusCode(200).extract().path("name")));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                    "select count(*) from candidate_licence where candidate_id = ? and expires_on = ?", candidate,
                    UnusualValues.LAST_DATE) == 1);
        }
        try (TopicProbe dlq = new TopicProbe(bootstrapServers, "certboard.renewal.dlq")) {
            assertThat(dlq.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> candidates.stream().anyMatch(c -> c.toString().equals(r.key())))).isEmpty();
        }
    }
}
