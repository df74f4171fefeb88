package org.certboard.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.exam.ExamPassed;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class EventHandlersTest {
    private static final UUID CANDIDATE = UUID.randomUUID();
    private final List<String> handled = new ArrayList<>();

    @Test
    void theHandlerTakesOnlyEventsOfItsTypes() {
        EventHandlers handlers = EventHandlers.inSets(events -> record(events.stream()
                .map(event -> ((ExamPassed) event.data()).examDate().toString()).toList().toString()),
                ExamPassed.class);
        IncomingEvent registered = event(EventType.CANDIDATE_REGISTERED,
                new CandidateRegistered(CANDIDATE, "sub", "Ada", "Lovelace", Instant.EPOCH));
        IncomingEvent passed = event(EventType.EXAM_PASSED,
                new ExamPassed(CANDIDATE, UUID.randomUUID(), LocalDate.of(2026, 11, 2), 120, null));

        handlers.handleAll(List.of(registered, passed)).await().indefinitely();
        handlers.handle(registered).await().indefinitely();
        handlers.handleAll(List.of(registered)).await().indefinitely();

        assertThat(handled).containsExactly("[2026-11-02]");
        assertThat(handlers.handles(EventType.CANDIDATE_REGISTERED)).isFalse();
        assertThat(handlers.handles(EventType.EXAM_PASSED)).isTrue();
    }

    @Test
    void aTypeIsNamedByItsPayloadClass() {
        assertThatThrownBy(() -> EventHandlers.inSets(events -> record("none"), EventPayload.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an event payload");
    }

    @Test
    void aSetHandlerTakesAPollAtOnceAndASingleEventAsAListOfOne() {
        EventHandlers handlers = EventHandlers.inSets(events -> record(events.size() + " events"));
        IncomingEvent passed = event(EventType.EXAM_PASSED,
                new ExamPassed(CANDIDATE, UUID.randomUUID(), LocalDate.of(2026, 11, 2), 120, null));

        handlers.handleAll(List.of(passed, passed)).await().indefinitely();
        handlers.handle(passed).await().indefinitely();

        assertThat(handled).containsExactly("2 events", "1 events");
    }

    @Test
    void writesOfEveryDeliveryTakeEveryTypeBesideTheHandlers() {
        EventHandlers handlers = EventHandlers.inSets(events -> record("passes " + events.size()), ExamPassed.class)
                .withEveryDelivery(events -> record("delivered " + events.size()).replaceWith(true), () -> { });
        IncomingEvent registered = event(EventType.CANDIDATE_REGISTERED,
                new CandidateRegistered(CANDIDATE, "sub", "Ada", "Lovelace", Instant.EPOCH));

        handlers.handle(registered).await().indefinitely();
        handlers.handleEveryDelivery(List.of(registered)).await().indefinitely();

        assertThat(handlers.handles(EventType.CANDIDATE_REGISTERED)).as("a poll of registrations is applied").isTrue();
        assertThat(handled).containsExactly("delivered 1");
    }

    private Uni<Void> record(String what) {
        handled.add(what);
        return Uni.createFrom().voidItem();
    }

    private static IncomingEvent event(EventType type, EventPayload data) {
        return new IncomingEvent(UUID.randomUUID(), type, type.service().source(), CANDIDATE.toString(),
                Instant.EPOCH, data);
    }
}
