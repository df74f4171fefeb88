package org.certboard.renewal.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.devstack.testing.LogCapture.logged;
import static org.certboard.devstack.testing.LogCapture.statementsOf;
import static org.certboard.platform.testing.Deliveries.delivered;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventType;
import org.certboard.events.exam.ExamFailed;
import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.inbox.IncomingEvent;
import org.certboard.renewal.RenewalFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A poll's passes applied as a set ({@link IssuanceService#onExamsPassed}) have the effects of applying them one after
 * the other, and a poll of first certifications costs one statement per table, not one per pass.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class ExamPassSetTest {
    private static final int FRESH = 40;
    private static final List<String> ISSUANCE_EVENTS = List.of(EventType.CERTIFICATION_ISSUED.type(),
            EventType.CERTIFICATION_RENEWED.type(), EventType.CERTIFICATION_EXPIRED.type(),
            EventType.CERTIFICATION_LAPSED.type());

    @Inject
    IssuanceService issuance;
    @Inject
    BoardTime time;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * One poll's events for new people: {@value #FRESH} first certifications (half of them with a name on record),
     * a renewal by exam, a pass that changes nothing, one pass delivered under two event ids, a person passing CCM and
     * ACM, a person passing CCM twice, and a failed exam.
     */
    private final class Poll {
        final List<UUID> people = new ArrayList<>();
        final List<UUID> bookings = new ArrayList<>();
        final List<IncomingEvent> events = new ArrayList<>();

        Poll() {
            LocalDate today = time.today();
            for (int i = 0; i < FRESH; i++) {
                UUID person = person();
                if (i % 2 == 0) {
                    named(person, "Fresh", "Person " + i);
                }
                pass(person, today.minusDays(3), "CCM");
            }
            UUID renewing = person();
            certified(renewing, today.minusYears(5).plusDays(100));
            pass(renewing, today, "CCM");
            UUID unchanged = person();
            certified(unchanged, today.minusYears(1));
            pass(unchanged, today, "CCM");
            UUID twice = person();
            IncomingEvent once = pass(twice, today.minusDays(2), "CCM");
            events.add(delivered(once.data()));
            UUID both = person();
            pass(both, today.minusDays(2), "CCM");
            pass(both, today.minusDays(2), "ACM");
            UUID again = person();
            pass(again, today.minusDays(2), "CCM");
            pass(again, today.minusDays(1), "CCM");
            events.add(delivered(new ExamFailed(again, UUID.randomUUID(), today, 400, false, null, "CCM")));
        }

        private UUID person() {
            UUID person = UUID.randomUUID();
            people.add(person);
            return person;
        }

        private IncomingEvent pass(UUID person, LocalDate examDate, String program) {
            UUID booking = UUID.randomUUID();
            bookings.add(booking);
            IncomingEvent event = delivered(new ExamPassed(person, booking, examDate, 720, null, program));
            events.add(event);
            return event;
        }

        /** Applies the passes in one transaction. */
        void applyAsSet() {
            apply(events);
        }

        /** Applies the events one by one, each in its own transaction, as the consumer does after a failed poll. */
        void applyOneByOne() {
            events.forEach(event -> apply(List.of(event)));
        }
    }

    @Test
    void aPollAppliedAsASetHasTheEffectsOfItsPassesAppliedOneByOne() throws SQLException {
        Poll set = new Poll();
        Poll oneByOne = new Poll();

        set.applyAsSet();
        oneByOne.applyOneByOne();

        List<String> effects = effects(set);
        assertThat(effects).isEqualTo(effects(oneByOne));
        // the set did what each of its passes asks for
        assertThat(outcomes(set)).containsExactlyElementsOf(expectedOutcomes());
        List<String> numbers = column("select number from certification where candidate_id = any(?)", set.people);
        assertThat(numbers).hasSize(FRESH + 2 + 1 + 2 + 1).doesNotHaveDuplicates()
                .allMatch(number -> number.matches("(CCM|ACM)-\\d{4}-\\d{6}"));
        for (String number : numbers) {
            assertThat(TestDatabase.count("select count(*) from credential c join certification k"
                    + " on k.id = c.certification_id where k.number = ? and c.superseded_by is null", number))
                    .as("credentials in force of %s", number).isEqualTo(1);
        }
        // each certification, the two the poll's people held before it included, announced once
        List<String> issued = column("select payload from outbox_event where event_key = any(cast(? as text[]))"
                + " and type = '" + EventType.CERTIFICATION_ISSUED.type() + "'",
                set.people.stream().map(UUID::toString).toList());
        assertThat(issued).hasSameSizeAs(numbers);
        assertThat(numbers).allMatch(number -> issued.stream()
                .filter(payload -> payload.contains("\"number\":\"" + number + "\"")).count() == 1);
        assertThat(effects).anyMatch(effect -> effect.startsWith("person 0 credential valid from "
                + time.today().minusDays(3) + " named Fresh Person 0 in force"));
    }

    @Test
    void aPollOfFirstCertificationsTakesOneStatementPerTable() {
        LocalDate examDate = time.today().minusDays(1);
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(delivered(new ExamPassed(UUID.randomUUID(), UUID.randomUUID(), examDate, 720, null, "CCM")));
        }

        List<String> statements = statementsOf(() -> apply(events));

        assertThat(statements).as("statements of a poll of 50 first certifications").hasSize(9);
        assertThat(statements).filteredOn(sql -> sql.contains("from applied_exam")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("from certification")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("certification_number_seq")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("insert into certification")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("from candidate")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("credential_status_index_seq")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("insert into credential")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("insert into outbox_event")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("insert into applied_exam")).hasSize(1);
        assertThat(TestDatabase.count("select count(*) from applied_exam where booking_id = ?",
                ((ExamPassed) events.get(49).data()).bookingId())).isEqualTo(1);
    }

    @Test
    void passesSentTogetherThroughTheBrokerAreAppliedWithoutFallingBackToOneByOne() {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = time.today().minusDays(1);
        List<ExamPassed> passes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            passes.add(new ExamPassed(UUID.randomUUID(), UUID.randomUUID(), examDate, 720, null,
                    i % 3 == 0 ? "ACM" : "CCM"));
        }

        List<String> fallbacks = logged("org.certboard.platform.inbox.EventConsumer", () -> {
            passes.forEach(board::send);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> passes.stream().allMatch(pass -> TestDatabase
                    .count("select count(*) from applied_exam where booking_id = ?", pass.bookingId()) == 1));
        }).stream().filter(message -> message.contains("applying them one by one")).toList();

        assertThat(fallbacks).isEmpty();
        for (ExamPassed pass : passes) {
            assertThat(TestDatabase.text("select program from certification where candidate_id = ?",
                    pass.candidateId())).isEqualTo(pass.program());
        }
    }

    private static List<String> expectedOutcomes() {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < FRESH; i++) {
            outcomes.add("ISSUED");
        }
        outcomes.addAll(List.of("RENEWED", "IGNORED", "ISSUED", "ISSUED", "ISSUED", "ISSUED", "IGNORED"));
        return outcomes;
    }

    private void apply(List<IncomingEvent> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> issuance.onExamsPassed(events)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certification from a pass on {@code examDate}, before the poll. */
    private void certified(UUID person, LocalDate examDate) {
        apply(List.of(delivered(new ExamPassed(person, UUID.randomUUID(), examDate, 720, null, "CCM"))));
    }

    private static void named(UUID person, String given, String family) {
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into candidate (candidate_id, given_name, family_name) values (?, ?, ?)")) {
            insert.setObject(1, person);
            insert.setString(2, given);
            insert.setString(3, family);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The applied_exam outcomes of the poll's bookings, in poll order (ISSUED, RENEWED, IGNORED or none). */
    private static List<String> outcomes(Poll poll) {
        return poll.bookings.stream().map(booking -> TestDatabase.text(
                "select outcome from applied_exam where booking_id = ?", booking)).toList();
    }

    /**
     * What the poll did, by each person's place in it and without ids, numbers or clock times: certifications,
     * credentials, the events the issuance wrote (reminders, the clock job's, left out) and the bookings' outcomes.
     */
    private static List<String> effects(Poll poll) {
        List<String> effects = new ArrayList<>();
        for (int i = 0; i < poll.people.size(); i++) {
            UUID person = poll.people.get(i);
            for (List<Object> row : TestDatabase.rows("""
                    select program, status, first_certified_on, cycle_started_on, expires_on, next_due_on
                    from certification where candidate_id = ? order by program, first_certified_on""", person)) {
                effects.add("person " + i + " certification " + row);
            }
            for (List<Object> row : TestDatabase.rows("""
                    select c.valid_from, c.valid_until, c.holder_name, c.superseded_by is null
                    from credential c join certification k on k.id = c.certification_id
                    where k.candidate_id = ?
                    order by k.program, c.valid_from, c.superseded_by is null""", person)) {
                effects.add("person " + i + " credential valid from " + row.get(0) + " named " + row.get(2)
                        + ((Boolean) row.get(3) ? " in force" : " superseded") + " until " + row.get(1));
            }
            List<Object> events = TestDatabase.rows("select type from outbox_event where event_key = ? order by seq",
                    person.toString()).stream().map(row -> row.get(0)).filter(ISSUANCE_EVENTS::contains).toList();
            effects.add("person " + i + " events " + events);
        }
        effects.add("outcomes " + outcomes(poll));
        return effects;
    }

    /** The first column of {@code sql}'s rows; its one parameter is an array of {@code values}. */
    private static List<String> column(String sql, List<?> values) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setArray(1, c.createArrayOf(values.get(0) instanceof UUID ? "uuid" : "text", values.toArray()));
            try (ResultSet result = select.executeQuery()) {
                List<String> column = new ArrayList<>();
                while (result.next()) {
                    column.add(result.getString(1));
                }
                return column;
            }
        }
    }
}
