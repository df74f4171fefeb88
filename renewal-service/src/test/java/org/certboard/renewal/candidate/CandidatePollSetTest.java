package org.certboard.renewal.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.devstack.testing.LogCapture.statementsOf;
import static org.certboard.platform.testing.Deliveries.delivered;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventPayload;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.inbox.IncomingEvent;
import org.certboard.renewal.credential.CredentialService;
import org.certboard.renewal.issuance.IssuanceService;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * A poll of candidate events applied as sets ({@link CandidateProjection#apply}, then the credentials of the people
 * named) has the effects of its events applied one by one, and a poll of registrations costs two statements, not
 * three or four per registration.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class CandidatePollSetTest {

    @Inject
    CandidateProjection projection;
    @Inject
    CredentialService credentials;
    @Inject
    IssuanceService issuance;
    @Inject
    BoardTime time;

    /** One poll's events, each person's in their order, for new people. */
    private final class Poll {
        final List<UUID> people = new ArrayList<>();
        final List<IncomingEvent> events = new ArrayList<>();

        Poll() {
            Instant at = time.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
            // registers with an account and corrects the name twice, the older correction told last
            UUID ann = person();
            add(new CandidateRegistered(ann, account(ann), "Ann", "Registered", at));
            add(new CandidateUpdated(ann, "Ann", "Newest", at.plusSeconds(7200)));
            add(new CandidateUpdated(ann, "Ann", "Older", at.plusSeconds(3600)));
            // registered before accounts (v1) and renamed by a v1 update at the same instant: the later told wins
            UUID bob = person();
            add(new CandidateRegisteredV1(bob, "Bob", "First", "bob@example.org", at));
            add(new CandidateUpdatedV1(bob, "Bob", "Second", "bob@example.org", at));
            // a paper applicant whose profile the person's account then claims
            UUID cat = person();
            add(new CandidateRegistered(cat, null, "Cat", "Paper", at));
            add(new CandidateClaimed(cat, account(cat), at.plusSeconds(60)));
            // a licence and an approval that rests on it, then a later denial that changes nothing
            UUID dan = person();
            add(new CandidateRegistered(dan, account(dan), "Dan", "Licensed", at));
            add(new LicenceRecorded(dan, UUID.randomUUID(), "RN", "NY", time.today().plusYears(2), true));
            add(new EligibilityDecided(dan, UUID.randomUUID(), "APPROVED", "LICENCE_AND_EXPERIENCE",
                    time.today().plusYears(1), at.plusSeconds(60), "RN", null, "CCM"));
            add(new EligibilityDecided(dan, UUID.randomUUID(), "DENIED", "DEGREE_AND_EXPERIENCE", null,
                    at.plusSeconds(120), null, null, "CCM"));
            // certified before the registration reached this service: the registration names the credential
            UUID eve = person();
            certified(eve);
            add(new CandidateRegistered(eve, account(eve), "Eve", "Holder", at));
            // certified under a name, corrected, then an older correction told after that changes nothing
            UUID fay = person();
            named(fay, "Fay", "Before", at.minus(30, ChronoUnit.DAYS));
            certified(fay);
            add(new CandidateUpdated(fay, "Fay", "Corrected", at.plusSeconds(3600)));
            add(new CandidateUpdated(fay, "Fay", "Stale", at));
        }

        private UUID person() {
            UUID person = UUID.randomUUID();
            people.add(person);
            return person;
        }

        private void add(EventPayload payload) {
            events.add(delivered(payload));
        }
    }

    @Test
    void aPollAppliedAsSetsHasTheEffectsOfItsEventsAppliedOneByOne() {
        Poll set = new Poll();
        Poll oneByOne = new Poll();

        apply(set.events);
        oneByOne.events.forEach(event -> apply(List.of(event)));

        List<String> effects = effects(set);
        assertThat(effects).isEqualTo(effects(oneByOne));
        // and they are what each event asks for
        assertThat(effects).contains(
                "person 0 candidate [Ann, Newest, true, false, null, null]",
                "person 1 candidate [Bob, Second, null, false, null, null]",
                "person 2 candidate [Cat, Paper, true, false, null, null]",
                "person 3 candidate [Dan, Licensed, true, true, RN, " + time.today().plusYears(2) + "]",
                "person 3 licences [RN true]",
                "person 4 credential named null superseded: the holder's name was recorded",
                "person 4 credential named Eve Holder in force",
                "person 5 credential named Fay Before superseded: the holder's legal name changed",
                "person 5 credential named Fay Corrected in force");
    }

    @Test
    void aPollOfRegistrationsTakesTwoStatements() {
        Instant at = time.now().truncatedTo(ChronoUnit.MICROS);
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID person = UUID.randomUUID();
            events.add(delivered(new CandidateRegistered(person, account(person), "Reg", "Person " + i, at)));
        }

        List<String> statements = statementsOf(() -> apply(events));

        assertThat(statements).as("statements of a poll of 50 registrations").hasSize(2);
        assertThat(statements).filteredOn(sql -> sql.contains("insert into candidate")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("from certification")).hasSize(1);
        UUID last = events.get(49).data().candidateId();
        assertThat(TestDatabase.text("select family_name || ' ' || subject from candidate where candidate_id = ?",
                last)).isEqualTo("Person 49 " + account(last));
    }

    private static String account(UUID person) {
        return "account-" + person;
    }

    /** As the candidate consumer does, in one transaction. */
    private void apply(List<IncomingEvent> events) {
        await(() -> Panache.withTransaction(() -> projection.apply(events).chain(credentials::onNamesChanged)));
    }

    /** A certification, with its first credential, from a pass ten days ago. */
    private void certified(UUID person) {
        ExamPassed pass = new ExamPassed(person, UUID.randomUUID(), time.today().minusDays(10), 720, null, "CCM");
        await(() -> Panache.withTransaction(() -> issuance.onExamsPassed(List.of(delivered(pass)))));
    }

    private static void await(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void named(UUID person, String given, String family, Instant at) {
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into candidate (candidate_id, given_name, family_name, name_changed_at) values (?, ?, ?, ?)")) {
            insert.setObject(1, person);
            insert.setString(2, given);
            insert.setString(3, family);
            insert.setObject(4, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the poll did, by each person's place in it and without ids or clock times. */
    private static List<String> effects(Poll poll) {
        List<String> effects = new ArrayList<>();
        for (int i = 0; i < poll.people.size(); i++) {
            UUID person = poll.people.get(i);
            for (List<Object> row : TestDatabase.rows("""
                    select given_name, family_name, subject = 'account-' || candidate_id::text, licence_based,
                        licence_type, licence_expires_on
                    from candidate where candidate_id = ?""", person)) {
                effects.add("person " + i + " candidate " + row);
            }
            List<Object> licences = TestDatabase.rows("select type || ' ' || independent_practice"
                    + " from candidate_licence where candidate_id = ? order by type", person).stream()
                    .map(row -> row.get(0)).toList();
            if (!licences.isEmpty()) {
                effects.add("person " + i + " licences " + licences);
            }
            for (List<Object> row : TestDatabase.rows("""
                    select c.holder_name, c.superseded_by is null, c.superseded_reason, c.valid_from, c.valid_until
                    from credential c join certification k on k.id = c.certification_id
                    where k.candidate_id = ? order by c.superseded_by is null, c.issued_at""", person)) {
                effects.add("person " + i + " credential named " + row.get(0)
                        + ((Boolean) row.get(1) ? " in force" : " superseded: " + row.get(2)));
                effects.add("person " + i + " credential valid " + row.get(3) + " to " + row.get(4));
            }
        }
        return effects;
    }
}
