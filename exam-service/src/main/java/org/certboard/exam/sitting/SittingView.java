package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

/** {@code program}: its window's. */
public record SittingView(UUID id, UUID windowId, String site, Instant startsAt, int capacity, int seatsBooked,
        int seatsLeft, String program) {
    static SittingView of(Sitting s) {
        return new SittingView(s.id, s.windowId, s.site, s.startsAt, s.capacity, s.seatsBooked,
                s.capacity - s.seatsBooked, s.program);
    }
}
