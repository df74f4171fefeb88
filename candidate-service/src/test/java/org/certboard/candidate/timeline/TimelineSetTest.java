package org.certboard.candidate.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Deliveries.delivered;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.EvidenceAdded;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.events.candidate.NameChangeDecided;
import org.certboard.events.candidate.NameChangeRequested;
import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.AuditDecided;
import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationLapsed;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.CertificationRetired;
import org.certboard.events.renewal.RenewalReminderDue;
import org.certboard.events.renewal.RenewalSampledForAudit;
import org.certboard.platform.inbox.IncomingEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A poll of many events, of every type and interleaved between candidates, applied as one set in one transaction
 * stores exactly the rows (and fixes exactly the names) that applying the same events one at a time does, as the
 * consumer's retry and a replay do.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class TimelineSetTest {
    private static final Actor STAFF = new Actor("staff-member-3", "staff");
    private static final String ROWS = "select coalesce(string_agg(concat_ws('|', event_id, step, candidate_id,"
            + " occurred_at, recorded_at, service, ref, actor_subject, actor_role, detail), E'\\n'"
            + " order by event_id, step), '') from timeline_entry where event_id::text = any(string_to_array(?, ','))";
    private static final String NAMES = "select string_agg(concat_ws('|', id, name_fixed_since), ',' order by id)"
            + " from candidate where id::text = any(string_to_array(?, ','))";

    @Inject
    TimelineProjection listener;

    @Test
    void aPollIsAppliedAsOneSetWithTheRowsOfOneByOne() throws Throwable {
        // a person certified before this poll keeps that date; the other two get their earliest issue of the poll
        // nanoseconds in the events' times: the column keeps microseconds, cut as a bound timestamp is
        Instant t = Instant.parse("2026-03-02T10:15:30.123456789Z");
        Instant earlier = Instant.parse("2025-01-30T08:00:00Z");
        List<UUID> people = List.of(person(null), person(null), person(earlier));
        List<List<IncomingEvent>> perPerson = people.stream().map(id -> everyType(id, t)).toList();
        List<IncomingEvent> poll = new ArrayList<>();
        for (int i = 0; i < perPerson.get(0).size(); i++) {
            for (List<IncomingEvent> events : perPerson) {
                poll.add(events.get(i));
            }
        }
        String ids = poll.stream().map(event -> event.id().toString()).collect(Collectors.joining(","));
        String candidates = people.stream().map(UUID::toString).collect(Collectors.joining(","));

        inOneTransaction(poll);
        String asSet = TestDatabase.text(ROWS, ids);
        String namesAsSet = TestDatabase.text(NAMES, candidates);

        // every type but RenewalSampledForAudit is a step; a result that was sat is two
        assertThat(TestDatabase.count("select count(*) from timeline_entry"
                + " where event_id::text = any(string_to_array(?, ','))", ids)).isEqualTo(people.size() * 26L);
        Map<UUID, Instant> fixedSince = Map.of(people.get(0), t.plusSeconds(60), people.get(1), t.plusSeconds(60),
                people.get(2), earlier);
        assertThat(namesAsSet).isEqualTo(people.stream().map(UUID::toString).sorted()
                .map(id -> id + "|" + fixed(fixedSince.get(UUID.fromString(id)))).collect(Collectors.joining(",")));

        execute("delete from timeline_entry where event_id::text = any(string_to_array(?, ','))", ids);
        execute("update candidate set name_fixed_since = null where id = ? or id = ?", people.get(0), people.get(1));
        for (IncomingEvent event : poll) {
            inOneTransaction(List.of(event));
        }
        assertThat(TestDatabase.text(ROWS, ids)).isEqualTo(asSet);
        assertThat(TestDatabase.text(NAMES, candidates)).isEqualTo(namesAsSet);

        // applied again (a replay beside the live consumer): nothing changes
        inOneTransaction(poll);
        assertThat(TestDatabase.text(ROWS, ids)).isEqualTo(asSet);
    }

    /** As the consumer hands them over: in one transaction. */
    private void inOneTransaction(List<IncomingEvent> events) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> listener.apply(events)));
    }

    /** One event of each type for the person, two issues (the later first), two fails (one a no-show). */
    private static List<IncomingEvent> everyType(UUID id, Instant t) {
        UUID booking = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 4, 1);
        String number = "CCM-2026-" + id.toString().substring(0, 6);
        List<IncomingEvent> events = new ArrayList<>();
        for (EventPayload payload : List.of(
                new CandidateRegistered(id, "subject-" + id, "Ada", "Byron", t),
                new CandidateRegisteredV1(id, "Ada", "Byron", "ada@example.org", t),
                new CandidateClaimed(id, "subject-" + id, t.plusSeconds(1)),
                new CandidateUpdated(id, "Ada", "Lovelace", t.plusSeconds(2)),
                new CandidateUpdatedV1(id, "Ada", "Lovelace", "ada@example.org", t.plusSeconds(3)),
                new NameChangeRequested(id, request, t.plusSeconds(4), new Actor("subject-" + id, "candidate")),
                new NameChangeDecided(id, request, true, false, t.plusSeconds(5), STAFF),
                new LicenceRecorded(id, UUID.randomUUID(), "RN", "NY", day.plusYears(2), false),
                new EvidenceAdded(id, UUID.randomUUID(), EvidenceAdded.EXPERIENCE, t.plusSeconds(6)),
                new EligibilityDecided(id, UUID.randomUUID(), "APPROVED", "LICENCE", day.plusYears(1),
                        t.plusSeconds(7), "RN", STAFF, "CCM"),
                new ExamBooked(id, booking, UUID.randomUUID(), "Albany", t.plusSeconds(3600)),
                new BookingCancelled(id, UUID.randomUUID(), UUID.randomUUID(), t.plusSeconds(8)),
                new ExamFailed(id, booking, day, null, true, null),
                new ExamFailed(id, booking, day, 401, false, new Actor("vendor-account-7", "vendor")),
                new ExamPassed(id, booking, day, 612, new Actor("vendor-account-7", "vendor")),
                new CertificationIssued(id, number, day, day, day.plusYears(5)),
                new CertificationIssued(id, number, day, day, day.plusYears(5)),
                new RenewalReminderDue(id, number, 180, day.plusYears(5).minusDays(180), day.plusYears(5)),
                new CeCreditLogged(id, number, UUID.randomUUID(), new BigDecimal("12.5"), true, day.plusYears(1)),
                new RenewalSampledForAudit(id, number, UUID.randomUUID(), t.plusSeconds(9)),
                new AuditDecided(id, number, UUID.randomUUID(), true, t.plusSeconds(10), STAFF),
                new CertificationRenewed(id, number, "CE", false, day.plusYears(5), day.plusYears(10), STAFF),
                new CertificationExpired(id, number, day.plusYears(10)),
                new CertificationLapsed(id, number, day.plusYears(11)),
                new CertificationRetired(id, number, day.plusYears(12), STAFF))) {
            events.add(delivered(payload, t.plusSeconds(120 + events.size())));
        }
        // the issues: the later one first in the poll
        events.set(15, delivered(events.get(15).data(), t.plusSeconds(90)));
        events.set(16, delivered(events.get(16).data(), t.plusSeconds(60)));
        return events;
    }

    /** A registered person whose name the board relies on since {@code fixedSince} (null: not yet). */
    private static UUID person(Instant fixedSince) throws SQLException {
        UUID id = UUID.fromString(Api.registerPerson().id());
        if (fixedSince != null) {
            execute("update candidate set name_fixed_since = ? where id = ?", fixedSince.atOffset(ZoneOffset.UTC), id);
        }
        return id;
    }

    /** As the column shows it (microseconds, the session's zone), for the text of {@link #NAMES}. */
    private static String fixed(Instant at) {
        return TestDatabase.text("select cast(cast(? as timestamptz) as text)",
                at.truncatedTo(ChronoUnit.MICROS).toString());
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
