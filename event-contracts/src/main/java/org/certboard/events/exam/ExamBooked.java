package org.certboard.events.exam;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A candidate booked (or moved to) a sitting. */
public record ExamBooked(UUID candidateId, UUID bookingId, UUID sittingId, String site, Instant startsAt) implements EventPayload {
}
