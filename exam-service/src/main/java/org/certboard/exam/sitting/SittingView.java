package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

public record SittingView(UUID id, UUID windowId, String site, Instant startsAt, int capacity, int seatsBooked,
        int seatsLeft) {
    static SittingView of(Sitting s) {
        return new SittingView(s.id, s.windowId, s.site, s.startsAt, s.capacity, s.seatsBooked,
                s.capacity - s.seatsBooked);
    }
}
