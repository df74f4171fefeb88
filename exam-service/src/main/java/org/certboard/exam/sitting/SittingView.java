package org.certboard.exam.sitting;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SittingView(UUID id, UUID windowId, String site, Instant startsAt, int capacity, int seatsBooked,
        int seatsLeft,
        @Schema(description = "The credential program of the sitting, its window's", example = "CCM")
        String program) {
    static SittingView of(Sitting s) {
        return new SittingView(s.id, s.windowId, s.site, s.startsAt, s.capacity, s.seatsBooked,
                s.capacity - s.seatsBooked, s.program);
    }
}
