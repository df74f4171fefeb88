package org.certboard.candidate.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.certboard.events.Actor;

/**
 * Tells a person's path from their stored steps. Two things depend on more than one event and are decided here, not
 * when storing: of the ExamBooked events of one booking the first is the booking and every later one a reschedule
 * (exam-service announces a move as a further ExamBooked), and a candidate sat at the start of the sitting the
 * booking last pointed to before the result (the exam day's start when the booking is not known). Then every step is
 * ordered by its business time; ties by the event's time, the step's place in a path, and the event id, so the
 * order is the same however and whenever the events arrived.
 */
public final class Timeline {
    /** A stored step with its detail read. */
    public record Stored(UUID eventId, Step step, Instant occurredAt, Instant recordedAt, String service, String ref,
            Actor actor, Map<String, Object> detail) {
    }

    private static final Comparator<Stored> EVENT_ORDER = Comparator.comparing(Stored::recordedAt)
            .thenComparing(Stored::eventId);

    private Timeline() {
    }

    public static List<TimelineEntry> tell(List<Stored> stored) {
        Map<String, List<Stored>> bookings = new HashMap<>();
        stored.stream().filter(s -> s.step() == Step.BOOKED).sorted(EVENT_ORDER)
                .forEach(s -> bookings.computeIfAbsent(s.ref(), ref -> new ArrayList<>()).add(s));
        Set<UUID> moves = new HashSet<>();
        bookings.values().forEach(list -> list.stream().skip(1).forEach(s -> moves.add(s.eventId())));

        record Placed(Instant at, Step step, Stored stored) {
        }
        List<Placed> placed = new ArrayList<>();
        for (Stored s : stored) {
            Step step = s.step() == Step.BOOKED && moves.contains(s.eventId()) ? Step.RESCHEDULED : s.step();
            Instant at = s.step() == Step.SAT ? sat(s, bookings.getOrDefault(s.ref(), List.of())) : s.occurredAt();
            placed.add(new Placed(at, step, s));
        }
        placed.sort(Comparator.comparing(Placed::at).thenComparing(p -> p.stored().recordedAt())
                .thenComparing(Placed::step).thenComparing(p -> p.stored().eventId()));
        return placed.stream().map(p -> new TimelineEntry(p.at(), p.step(), p.stored().service(),
                p.stored().actor(), p.stored().detail())).toList();
    }

    private static Instant sat(Stored sat, List<Stored> bookedInOrder) {
        Instant startsAt = null;
        for (Stored booked : bookedInOrder) {
            if (!booked.recordedAt().isAfter(sat.recordedAt())) {
                startsAt = Instant.parse(booked.detail().get("startsAt").toString());
            }
        }
        return startsAt == null ? sat.occurredAt() : startsAt;
    }
}
